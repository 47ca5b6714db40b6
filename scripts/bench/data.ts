// Generated data for `npm run bench`, shaped like lib/model's types. Deterministic text (a
// seeded generator), random ids (crypto.randomUUID), so two runs store comparable tables.
import type { Attempt, Channel, Contact, Note, Outcome, Task } from '../../lib/model';
import { NOTE_KINDS, OUTCOMES } from '../../lib/model';
import { DAY_MS } from '../../lib/model/time-units';
import { noteWords } from '../../lib/db/note-words';

type Random = () => number;

/** mulberry32: a small seeded generator, so every run searches the same words. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vel',
  'sa',
  'qui',
  'dan',
  'por',
  'est',
  'lin',
  'mar',
  'ox',
  'ter',
  'ul',
  'bri',
  'cho',
  'fen',
  'gal',
  'hup',
  'jas',
  'nor',
  'pia',
  'rus',
  'sil',
  'tav',
  'wen',
];

const SALES_WORDS = [
  'budget',
  'pricing',
  'renewal',
  'deadline',
  'quarter',
  'forecast',
  'pipeline',
  'manual',
  'hours',
  'team',
  'integration',
  'security',
  'review',
  'board',
  'migration',
  'contract',
  'invoice',
  'onboarding',
  'churn',
  'dashboard',
  'reporting',
  'warehouse',
  'orders',
  'shipping',
  'compliance',
  'audit',
  'headcount',
  'hiring',
  'expansion',
  'competitor',
  'trial',
  'pilot',
];

/** A vocabulary: a few real sales words first (the common ones), then made-up words. */
export function vocabulary(size: number, random: Random): string[] {
  const words = new Set<string>(SALES_WORDS);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i += 1) word += pick(random, SYLLABLES);
    words.add(word);
  }
  return [...words];
}

/** A word rank with roughly Zipf's law (P(rank k) ∝ 1/k): few words are common, most rare. */
export function zipfRank(random: Random, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1))) - 1);
}

function sentence(random: Random, vocab: readonly string[], words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(vocab[zipfRank(random, vocab.length)] ?? 'note');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** A fixed "now" so every run generates the same spread of dates. */
export const BENCH_NOW = Date.UTC(2025, 5, 2, 15, 0, 0);

export function makeContacts(count: number, random: Random): Contact[] {
  return Array.from({ length: count }, (_, i) => {
    const recordId = String(51_000_000 + i);
    const name = `Bench Person ${i}`;
    return {
      id: crypto.randomUUID(),
      name,
      emails: [`person${i}@bench.example`],
      phones: [`+1415555${String(i % 10_000).padStart(4, '0')}`],
      company: `Company ${i % 997}`,
      title: 'VP Operations',
      timeZone: pick(random, ZONES),
      identities: [
        {
          site: 'hubspot',
          recordId,
          url: `https://app.hubspot.com/contacts/1/record/0-1/${recordId}`,
        },
      ],
      identityKeys: [`hubspot:${recordId}`],
      createdAt: BENCH_NOW - 400 * DAY_MS,
      updatedAt: BENCH_NOW - i,
    };
  });
}

export function makeNotes(
  count: number,
  contactIds: readonly string[],
  vocab: readonly string[],
  random: Random,
): Note[] {
  return Array.from({ length: count }, (_, i) => {
    const text = sentence(random, vocab, 8 + Math.floor(random() * 16));
    const at = BENCH_NOW - Math.floor(random() * 365 * DAY_MS);
    return {
      id: crypto.randomUUID(),
      contactId: contactIds[i % contactIds.length] ?? '',
      kind: pick(random, NOTE_KINDS),
      text,
      words: noteWords(text),
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Call outcomes weighted roughly like a rep's day: mostly no answer and voicemail. */
const OUTCOME_WEIGHTS: readonly [Outcome, number][] = [
  ['no-answer', 40],
  ['voicemail', 25],
  ['connected', 10],
  ['gatekeeper', 6],
  ['meeting-booked', 5],
  ['call-back', 4],
  ['not-interested', 4],
  ['wrong-number', 2],
  ['sent-info', 4],
];
const WEIGHT_TOTAL = OUTCOME_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function weightedOutcome(random: Random): Outcome {
  let roll = random() * WEIGHT_TOTAL;
  for (const [outcome, weight] of OUTCOME_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return outcome;
  }
  return OUTCOMES[0];
}

export function makeAttempts(
  count: number,
  contactIds: readonly string[],
  random: Random,
): Attempt[] {
  return Array.from({ length: count }, () => {
    const outcome = weightedOutcome(random);
    const channel: Channel = outcome === 'sent-info' || random() < 0.05 ? 'email' : 'call';
    const attempt: Attempt = {
      id: crypto.randomUUID(),
      contactId: pick(random, contactIds),
      at: BENCH_NOW - Math.floor(random() * 365 * DAY_MS),
      channel,
      outcome,
    };
    if (random() < 0.6) attempt.plan = { goal: 'Book a demo', complete: random() < 0.5 };
    return attempt;
  });
}

export function makeTasks(count: number, attempts: readonly Attempt[], random: Random): Task[] {
  return Array.from({ length: count }, (_, i) => {
    const attempt = attempts[i % Math.max(1, attempts.length)];
    return {
      id: crypto.randomUUID(),
      contactId: attempt?.contactId ?? '',
      dueAt: BENCH_NOW + Math.floor((random() - 0.3) * 30 * DAY_MS),
      channel: 'call',
      status: random() < 0.7 ? 'done' : 'open',
      reason: '2 business days after a connected call',
      attemptId: attempt?.id,
      createdAt: BENCH_NOW - 30 * DAY_MS,
    };
  });
}

/** Text of exactly `length` characters in sentences of the vocabulary, with a paragraph break
 *  every dozen sentences, as a long pasted note has. */
function longText(random: Random, vocab: readonly string[], length: number): string {
  let text = '';
  let sentences = 0;
  while (text.length < length) {
    sentences += 1;
    text += `${sentence(random, vocab, 6 + Math.floor(random() * 14))}${sentences % 12 === 0 ? '\n\n' : ' '}`;
  }
  return text.slice(0, length);
}

/** The largest contact a valid backup can hold, by each record's caps (lib/model/limits): a
 *  name as long as a name may be, every list full (emails, phones, identities, merges); and a
 *  busy record's history, each text at its cap: `notes` notes and `attempts` attempts. */
export function makeLargestContact(
  options: { notes: number; attempts: number },
  random: Random,
  limits: {
    name: number;
    note: number;
    plan: number;
    emails: number;
    phones: number;
    identities: number;
    merges: number;
  },
): { contact: Contact; notes: Note[]; attempts: Attempt[] } {
  const vocab = vocabulary(2_000, random);
  const name = `Largest ${'Contact-Name '.repeat(limits.name)}`.slice(0, limits.name).trim();
  const identities = Array.from({ length: limits.identities }, (_, i) => {
    const recordId = String(61_000_000 + i);
    return {
      site: 'hubspot',
      recordId,
      url: `https://app.hubspot.com/contacts/1/record/0-1/${recordId}`,
    };
  });
  const contact: Contact = {
    id: crypto.randomUUID(),
    name,
    emails: Array.from({ length: limits.emails }, (_, i) => `largest${i}@bench.example`),
    phones: Array.from(
      { length: limits.phones },
      (_, i) => `+1 415 555 ${String(1000 + i).padStart(4, '0')}`,
    ),
    company: 'Largest Company',
    title: 'VP Operations',
    timeZone: 'America/Chicago',
    identities,
    identityKeys: identities.map((identity) => `hubspot:${identity.recordId}`),
    merges: Array.from({ length: limits.merges }, (_, i) => ({
      key: 'email' as const,
      value: `largest${i % limits.emails}@bench.example`,
      identity: `hubspot:${61_000_000 + (i % limits.identities)}`,
      name,
      at: BENCH_NOW - i * DAY_MS,
    })),
    createdAt: BENCH_NOW - 400 * DAY_MS,
    updatedAt: BENCH_NOW,
  };
  const notes: Note[] = Array.from({ length: options.notes }, (_, i) => {
    const text = longText(random, vocab, limits.note);
    const at = BENCH_NOW - i * DAY_MS;
    return {
      id: crypto.randomUUID(),
      contactId: contact.id,
      kind: pick(random, NOTE_KINDS),
      text,
      words: noteWords(text),
      createdAt: at,
      updatedAt: at,
    };
  });
  const attempts = makeAttempts(options.attempts, [contact.id], random).map((attempt) => ({
    ...attempt,
    note: longText(random, vocab, limits.note),
    plan: {
      goal: longText(random, vocab, limits.plan),
      reference: longText(random, vocab, limits.plan),
      newValue: longText(random, vocab, limits.plan),
      ask: longText(random, vocab, limits.plan),
      complete: random() < 0.5,
    },
  }));
  return { contact, notes, attempts };
}
