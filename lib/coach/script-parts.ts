import type { CallPlan, Contact, Note, RepSettings, SomethingNewKind } from '../model';
import { PLACEHOLDERS, hasPlaceholder, orPlaceholder } from './placeholders';
import { plainText, shortenToWords, stripEndPunctuation, wordCount } from './text';

// The pieces every script is assembled from, each either clean plain text or a visible
// placeholder. Lengths are capped so a pasted paragraph cannot blow the spoken-time budgets.

export interface ScriptParts {
  theirFirstName: string;
  theirFullName: string;
  theirCompany: string;
  repName: string;
  repCompany: string;
  callbackNumber: string;
  /** The specific reference as the rep wrote it (no end punctuation), or a placeholder. */
  reference: string;
  newValue: string;
  newValueKind: SomethingNewKind | undefined;
  ask: string;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir']);

/** "Sarah Lee" → "Sarah"; "Lee, Sarah" → "Sarah"; "Dr. Sarah Lee" → "Sarah". */
function firstNameOf(fullName: string): string {
  const clean = plainText(fullName);
  const given = clean.includes(',') ? clean.slice(clean.indexOf(',') + 1) : clean;
  const tokens = plainText(given).split(' ').filter(Boolean);
  const first = tokens.find((t) => !HONORIFICS.has(t.replace(/\.$/, '').toLowerCase()));
  return first ?? tokens[0] ?? '';
}

/** A field's text, capped to a number of words; '' when absent. */
function field(text: string | undefined, maxWords: number): string {
  return shortenToWords(stripEndPunctuation(plainText(text)), maxWords);
}

/**
 * The reference to speak: the plan's text (the rep may have edited it), else the picked note,
 * else a placeholder.
 */
export function resolveReference(plan: CallPlan, notes: readonly Note[]): string {
  const typed = stripEndPunctuation(plainText(plan.reference));
  if (typed !== '') return typed;
  const picked = notes.find((note) => note.id === plan.referenceNoteId);
  const fromNote = stripEndPunctuation(plainText(picked?.text));
  return orPlaceholder(fromNote, PLACEHOLDERS.reference);
}

export function scriptParts(
  contact: Contact,
  plan: CallPlan,
  rep: RepSettings | undefined,
  reference: string,
): ScriptParts {
  return {
    theirFirstName: orPlaceholder(field(firstNameOf(contact.name), 1), PLACEHOLDERS.theirName),
    theirFullName: orPlaceholder(field(contact.name, 4), PLACEHOLDERS.theirName),
    theirCompany: orPlaceholder(field(contact.company, 5), PLACEHOLDERS.theirCompany),
    repName: orPlaceholder(field(rep?.repName, 4), PLACEHOLDERS.repName),
    repCompany: orPlaceholder(field(rep?.company, 5), PLACEHOLDERS.repCompany),
    callbackNumber: orPlaceholder(field(rep?.callbackNumber, 10), PLACEHOLDERS.callbackNumber),
    reference,
    newValue: orPlaceholder(stripEndPunctuation(plainText(plan.newValue)), PLACEHOLDERS.newValue),
    newValueKind: plan.newValueKind,
    ask: orPlaceholder(plainText(plan.ask), PLACEHOLDERS.ask),
  };
}

/** Words that start a note in lower case mid-sentence without hurting a proper noun. */
const COMMON_STARTERS = new Set(
  (
    'the their they them team a an it its we our budget board need needs want wants looking ' +
    'spending spends currently no not too hiring trying planning using still only'
  ).split(' '),
);

function lowerCommonStart(text: string): string {
  const first = text.split(' ')[0] ?? '';
  return COMMON_STARTERS.has(first.toLowerCase())
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/** Notes already phrased to the prospect ("You said …", "Last time …") are used as they are. */
const ADDRESSED_TO_THEM =
  /^(?:you|your|you['’]re|you['’]ve|last time|when we|we spoke|we talked)\b/i;

/** "you mentioned <reference>", or the reference itself when it already speaks to them. */
export function mentionClause(reference: string): string {
  if (ADDRESSED_TO_THEM.test(reference)) return lowerFirstWord(reference);
  return `you mentioned ${lowerCommonStart(reference)}`;
}

function lowerFirstWord(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Why the rep is calling, from what they bring (one short sentence). */
export function reasonSentence(kind: SomethingNewKind | undefined): string {
  switch (kind) {
    case 'case study':
      return 'I have a case study from a team that solved exactly that.';
    case 'answer':
      return 'I have the answer to the question you raised.';
    case 'insight':
      return "I've found something that bears directly on it.";
    case 'proposal':
      return "I've drafted a concrete plan for it.";
    default:
      return 'I have something new on that.';
  }
}

/** What the rep is bringing, as a noun phrase about "your" (the prospect). */
export function offerNoun(kind: SomethingNewKind | undefined): string {
  switch (kind) {
    case 'case study':
      return 'the case study';
    case 'answer':
      return 'the answer to your question';
    case 'insight':
      return 'what I found';
    case 'proposal':
      return 'the plan I drafted';
    default:
      return 'a one-page recap';
  }
}

/**
 * Build a text around the reference so it fits `maxWords`: the reference is shortened first
 * (never below `minReferenceWords`), then the fallback build is tried, then the text is cut.
 */
export function fitAroundReference(
  reference: string,
  maxWords: number,
  builds: readonly ((reference: string) => string)[],
  minReferenceWords = 5,
): string {
  // A placeholder is shown whole: a cut one would no longer be recognised as a gap to fill.
  const shorten = (max: number): string =>
    hasPlaceholder(reference) ? reference : shortenToWords(reference, max);
  for (const build of builds) {
    const fixedWords = wordCount(build(''));
    const budget = maxWords - fixedWords;
    if (budget >= Math.min(minReferenceWords, wordCount(reference))) {
      const text = build(shorten(budget));
      if (wordCount(text) <= maxWords) return text;
    }
  }
  const last = builds[builds.length - 1];
  return shortenToWords(last ? last(shorten(minReferenceWords)) : '', maxWords);
}
