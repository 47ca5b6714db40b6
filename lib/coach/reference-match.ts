import type { Note, NoteKind } from '../model';
import { normalizeForMatch } from '../model/match-text';
import { containsPhrase } from './text';

// A reference counts only if it points back at something in the notes: "our last conversation"
// could be said to anyone, "the 15 hours a week on data entry" only to this prospect.

/** Words that carry no specifics: grammar, plus the vocabulary of any follow-up call. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if ' +
    'in into is it its just me my of on or our out she so some than that the their them then there ' +
    'these they this those to up was we were what when where which while who will with would you ' +
    'your yours about again also all any back been being both each few more most much not now only ' +
    'other over same should such too very well get got like really one thing things ' +
    // follow-up vocabulary: present in every reference, so it proves nothing
    'call calls called calling chat chatted conversation conversations talk talked talking spoke ' +
    'speak spoken mentioned mention mentioning said say saying told tell discussed discuss discussion ' +
    'last previous earlier recent recently time times week weeks day days month months today ' +
    'meeting meetings follow following touch base checking check remember remembered went going ' +
    'wanted want let know'
  ).split(' '),
);

/** Crude stemming so "hours"/"hour" and "entries"/"entry" meet. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function isNumberish(token: string): boolean {
  return /\d/.test(token);
}

/** Tokens that say something specific: non-stopwords of 3+ letters, and any token with a digit. */
function significantTokens(text: string): Set<string> {
  const tokens = normalizeForMatch(text).split(' ');
  const result = new Set<string>();
  for (const token of tokens) {
    if (isNumberish(token)) result.add(token);
    else if (token.length >= 3 && !STOPWORDS.has(token)) result.add(stem(token));
  }
  return result;
}

/** A number specific enough to identify a fact: two or more characters ("15", "q3", "50k"). */
function distinctiveNumbers(text: string): Set<string> {
  return new Set(
    normalizeForMatch(text)
      .split(' ')
      .filter((token) => isNumberish(token) && token.length >= 2),
  );
}

/** Phrases the rep put in double quotes (straight, curly or guillemets). */
function quotedPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const match of text.matchAll(/["“«]([^"”»]+)["”»]/g)) {
    const phrase = normalizeForMatch(match[1]);
    if (significantTokens(phrase).size > 0) phrases.push(phrase);
  }
  return phrases;
}

/** Significant words shared by two texts must reach this count to count as the same fact. */
const SHARED_WORDS_NEEDED = 3;

type ReferenceMatchBasis = 'picked-note' | 'quoted-phrase' | 'number' | 'shared-words';

interface ReferenceMatch {
  note: Note;
  basis: ReferenceMatchBasis;
  /** What the reference and the note share (for the reason shown to the rep). */
  shared: string[];
}

/** How the reference text meets one note, if it does. */
function matchTextToNote(reference: string, note: Note): ReferenceMatch | null {
  const noteNormalized = normalizeForMatch(note.text);
  const quoted = quotedPhrases(reference).filter((phrase) =>
    containsPhrase(noteNormalized, phrase),
  );
  if (quoted.length > 0) return { note, basis: 'quoted-phrase', shared: quoted };

  const noteNumbers = distinctiveNumbers(note.text);
  const numbers = [...distinctiveNumbers(reference)].filter((n) => noteNumbers.has(n));
  if (numbers.length > 0) return { note, basis: 'number', shared: numbers };

  const noteTokens = significantTokens(note.text);
  const sharedWords = [...significantTokens(reference)].filter((t) => noteTokens.has(t));
  if (sharedWords.length >= SHARED_WORDS_NEEDED) {
    return { note, basis: 'shared-words', shared: sharedWords };
  }
  return null;
}

/**
 * Whether the reference text still points at `note`: it holds the note's words, or quotes,
 * numbers or overlaps it as typed text must. Empty text points at it too: the script then says
 * the note as written.
 */
function textPointsAt(reference: string, note: Note): boolean {
  const typed = normalizeForMatch(reference);
  if (typed === '') return true;
  const noteText = normalizeForMatch(note.text);
  return (
    (noteText !== '' && containsPhrase(typed, noteText)) ||
    matchTextToNote(reference, note) !== null
  );
}

/**
 * The note the plan's reference points at: the picked note while the text still points at it
 * (a rep who rewrote the text into "our last conversation" no longer references it), otherwise
 * the first note the reference text quotes or substantially overlaps. Null when it points at
 * nothing.
 */
export function matchReference(
  reference: { referenceNoteId?: string; reference: string },
  notes: readonly Note[],
): ReferenceMatch | null {
  const picked = notes.find((note) => note.id === reference.referenceNoteId);
  if (picked && textPointsAt(reference.reference, picked)) {
    return { note: picked, basis: 'picked-note', shared: [] };
  }
  if (normalizeForMatch(reference.reference) === '') return null;
  let best: ReferenceMatch | null = null;
  for (const note of notes) {
    const match = matchTextToNote(reference.reference, note);
    if (match && (!best || match.shared.length > best.shared.length)) best = match;
  }
  return best;
}

/** Kinds most worth opening with: what they said in their own words, then pains and deadlines. */
const KIND_PRIORITY: readonly NoteKind[] = ['quote', 'pain point', 'deadline', 'personal', 'other'];

/** The note to suggest as a reference: the most useful kind, newest first within a kind. */
export function suggestReferenceNote(notes: readonly Note[]): Note | null {
  const usable = notes.filter((note) => normalizeForMatch(note.text) !== '');
  const ranked = [...usable].sort(
    (a, b) =>
      KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || b.createdAt - a.createdAt,
  );
  return ranked[0] ?? null;
}

type ReferenceFields = { referenceNoteId?: string; reference: string };

/**
 * The picked note while it still counts: the rep may rewrite the text, and the pick follows the
 * words — typed away from the note ("our last conversation") it stops counting, typed back it
 * counts again. Undefined when nothing is picked or the pick no longer counts.
 */
export function activePick(current: ReferenceFields, notes: readonly Note[]): Note | undefined {
  const picked = notes.find((note) => note.id === current.referenceNoteId);
  return picked && textPointsAt(current.reference, picked) ? picked : undefined;
}

/** The plan's reference after the rep un-picks its note: the note's own words go with it, what
 *  the rep wrote themselves stays. */
export function referenceAfterUnpick(
  current: ReferenceFields,
  notes: readonly Note[],
): ReferenceFields {
  const picked = notes.find((note) => note.id === current.referenceNoteId);
  const untouched =
    picked !== undefined && normalizeForMatch(current.reference) === normalizeForMatch(picked.text);
  return { referenceNoteId: undefined, reference: untouched ? '' : current.reference };
}
