// Who is who on an open mail thread, shared by the Gmail and Outlook adapters. The prospect is
// the latest EXTERNAL sender, else the external "to" recipient: never the rep, never a colleague
// at the rep's own domain, never a cc'd party while a "to" party exists. Everyone else on the
// thread is offered to the rep as `others` when the detected person is wrong.
// Pure: works on what the adapters read, never on the page.
import type { DetectionEvidence, EvidenceSignal, PersonOnPage } from '../model';
import { cleanText, evidenceOf, othersOf } from './read-page';
import { isColleague } from './roles';

export interface MailParty {
  /** Lower-cased address. */
  email: string;
  name: string;
}

/** One message of the thread as its header shows it, oldest message first in a thread. */
export interface MailMessage {
  from?: MailParty;
  to: MailParty[];
  cc: MailParty[];
}

/** The signed-in rep, as far as the page tells. */
export interface MailRep {
  /** The rep's addresses, lower-cased. */
  emails: string[];
  /** The rep's display names, lower-cased (a page may show only the name). */
  names: string[];
  /** Why the rep is only weakly known, in the rep's words; undefined when the account says. */
  doubt?: string;
}

interface MailProspect {
  party: MailParty;
  evidence: DetectionEvidence;
  others: PersonOnPage[];
}

type MailCaption = 'from' | 'to' | 'cc';

// Header captions in the rep's UI language (English, German, French, Spanish).
const CAPTION_WORDS: ReadonlyArray<readonly [MailCaption, readonly string[]]> = [
  ['from', ['from', 'von', 'de']],
  ['to', ['to', 'an', 'à', 'para']],
  ['cc', ['cc', 'bcc', 'cci', 'cco', 'kopie', 'blindkopie', 'copie', 'copia']],
];
const CAPTION_OF = new Map(CAPTION_WORDS.flatMap(([kind, words]) => words.map((w) => [w, kind])));
const WORDS = [...CAPTION_OF.keys()].join('|');
// A caption stands alone: at the start or after a separator, then a colon, a space or the end.
const CAPTION_ANYWHERE = new RegExp(`(?:^|[\\s,;(])(${WORDS})(?=\\s*:|\\s|$)`, 'giu');
// English labels may also leave the colon out ("From Dana Kim").
const CAPTION_LEADING = new RegExp(`^\\s*(?:(${WORDS})\\s*:|(from|to|cc|bcc)\\s)`, 'iu');

/** The last header caption in text such as "to me, Sam, cc: " (the text before a person). */
export function lastCaption(text: string): MailCaption | undefined {
  let kind: MailCaption | undefined;
  for (const match of cleanText(text, Infinity).matchAll(CAPTION_ANYWHERE)) {
    kind = CAPTION_OF.get(match[1]?.toLowerCase() ?? '') ?? kind;
  }
  return kind;
}

/** The caption a header line's label starts with: "From: Dana", "À : Riley", "CC: Sam". */
export function leadingCaption(label: string | null | undefined): MailCaption | undefined {
  const match = CAPTION_LEADING.exec(cleanText(label));
  const word = (match?.[1] ?? match?.[2])?.toLowerCase();
  return word ? CAPTION_OF.get(word) : undefined;
}

// What mail UIs call the signed-in rep among recipients ("to me", "an ich", "à moi", "para mí").
const REP_WORDS = new Set(['me', 'moi', 'ich', 'mich', 'mir', 'yo', 'mí', 'mi']);

/** Whether a recipient's shown name is the UI's word for the rep. */
export function isRepWord(name: string | null | undefined): boolean {
  return REP_WORDS.has(cleanText(name).toLowerCase());
}

const listOf = (names: string[]) =>
  names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/** The prospect of a thread and who else is on it, or null when no outside party is. */
export function prospectOf(messages: readonly MailMessage[], rep: MailRep): MailProspect | null {
  const isRep = (p: MailParty) =>
    rep.emails.includes(p.email) || rep.names.includes(p.name.toLowerCase());
  const isColleagueOfRep = (p: MailParty) =>
    !isRep(p) && rep.emails.some((own) => isColleague(p.email, own));
  const external = (p: MailParty | undefined): p is MailParty =>
    !!p && !isRep(p) && !isColleagueOfRep(p);
  const distinct = (parties: MailParty[]) =>
    parties.filter((p, i) => parties.findIndex((q) => q.email === p.email) === i);

  let party: MailParty | undefined;
  let doubt: string | undefined;
  const senders = messages.map((m) => m.from).filter(external);
  const latestSender = senders.at(-1);
  if (latestSender) {
    party = latestSender;
    // Two outsiders wrote the two latest messages: two prospects, the rep says which.
    const [before, last] = messages.slice(-2).map((m) => m.from);
    if (external(before) && external(last) && before.email !== last.email)
      doubt = `${before.name} and ${last.name} both wrote the latest messages`;
  } else {
    // Only the rep's side wrote: the outsider they wrote to, in the latest message with one.
    for (const message of [...messages].reverse()) {
      const to = distinct(message.to.filter(external));
      if (to.length === 0) continue;
      party = to[0];
      if (to.length > 1) doubt = `The message went to ${listOf(to.map((p) => p.name))}`;
      break;
    }
    if (!party) {
      const copied = distinct(messages.flatMap((m) => m.cc).filter(external));
      party = copied.at(-1);
      if (party) doubt = `${party.name} was only copied (cc) on this thread`;
    }
  }
  if (!party) return null;

  // The party is an outsider by the rep's account: a second signal beside the thread's URL.
  const signals: EvidenceSignal[] = ['record-url'];
  const knowsRep = rep.emails.length > 0 && !rep.doubt;
  if (knowsRep) signals.push('mail-party');
  else doubt ??= rep.doubt ?? 'Your own address is not on the page, so a colleague looks the same';

  // Everyone else on the thread, latest first: colleagues, and the other outsiders.
  const people: PersonOnPage[] = [];
  for (const message of [...messages].reverse()) {
    for (const p of [message.from, ...message.to, ...message.cc]) {
      if (!p || isRep(p) || p.email === party.email) continue;
      const role = isColleagueOfRep(p) ? 'colleague' : 'cc';
      people.push({ name: p.name, email: p.email, role });
    }
  }
  return {
    party,
    evidence: evidenceOf(signals, doubt),
    others: othersOf(people, { name: party.name, email: party.email }),
  };
}
