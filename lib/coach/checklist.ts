import type { Attempt, CallPlan, Note, SomethingNewKind } from '../model';
import { askParts } from './ask-detection';
import { findCheckInPhrases } from './checkin-language';
import { matchReference, suggestReferenceNote } from './reference-match';
import { goalProblem } from './single-goal';
import { normalizeForMatch } from '../model/match-text';
import { excerpt, plainText, secondsToSay, wordCount } from './text';

// The three things every follow-up needs (a specific reference, something new, a direct ask),
// plus the habits that sink a call (no single goal, check-in talk, a long opener, nothing new).

export type ChecklistKey = 'reference' | 'new' | 'ask';
type ChecklistLabel = 'Specific reference' | 'Something new' | 'Direct ask';

const CHECKLIST_LABELS: Readonly<Record<ChecklistKey, ChecklistLabel>> = {
  reference: 'Specific reference',
  new: 'Something new',
  ask: 'Direct ask',
};

export interface ChecklistItem {
  key: ChecklistKey;
  label: ChecklistLabel;
  met: boolean;
  /** Why it is met or missing, in the rep's terms. */
  reason: string;
  /** One-line suggestion when missing; '' when met. */
  fix: string;
}

type ChecklistWarningKey = 'no-single-goal' | 'check-in-language' | 'long-opener' | 'nothing-new';

interface ChecklistWarning {
  key: ChecklistWarningKey;
  message: string;
}

export interface ChecklistResult {
  items: ChecklistItem[];
  warnings: ChecklistWarning[];
  /** All three elements are met. */
  complete: boolean;
}

/** About 15 seconds spoken: past this the prospect stops listening before hearing why you called. */
const OPENER_MAX_WORDS = 40;
/** Fewer words than this cannot say what is new and why it matters to them. */
const NEW_VALUE_MIN_WORDS = 4;

/** Opening quote marks a note may already carry ("If it…"), and their closing partners. */
const OPENING_QUOTES = /^["“„«‘]+\s*/;
const CLOSING_QUOTE = /\s*["”»’]+(?=[.!?]?…?$)/;

/** The rep's words in curly quotes, once: a note that already quotes the prospect loses its
 *  own marks first, so it never reads “"If it…”. */
const quote = (text: string): string => {
  const trimmed = text.trim();
  const bare = OPENING_QUOTES.test(trimmed)
    ? trimmed.replace(OPENING_QUOTES, '').replace(CLOSING_QUOTE, '')
    : trimmed;
  return `“${bare}”`;
};

function item(key: ChecklistKey, met: boolean, reason: string, fix = ''): ChecklistItem {
  return { key, label: CHECKLIST_LABELS[key], met, reason, fix: met ? '' : fix };
}

function referenceItem(plan: CallPlan, notes: readonly Note[]): ChecklistItem {
  const usableNotes = notes.filter((note) => plainText(note.text) !== '');
  if (usableNotes.length === 0) {
    return item(
      'reference',
      false,
      'No notes on this contact yet, so there is nothing they said to point back to.',
      'Add a note of something they said — a pain, a number, a deadline.',
    );
  }
  const match = matchReference(plan, usableNotes);
  if (match) {
    return item('reference', true, `Points back to your note ${quote(excerpt(match.note.text))}.`);
  }
  const suggestion = suggestReferenceNote(usableNotes);
  const fix = suggestion
    ? `Open with something from your notes, e.g. ${quote(excerpt(suggestion.text))}.`
    : 'Open with something from your notes.';
  const reference = plainText(plan.reference);
  if (reference === '') return item('reference', false, 'No reference picked yet.', fix);
  return item(
    'reference',
    false,
    `${quote(excerpt(reference))} could be said to anyone — it matches nothing they told you.`,
    fix,
  );
}

/** The newest attempt that recorded what it brought, if any. */
function lastRecordedNewValue(history: readonly Attempt[]): string | null {
  const newestFirst = [...history].sort((a, b) => b.at - a.at);
  for (const attempt of newestFirst) {
    const value = plainText(attempt.plan?.newValue);
    if (value !== '') return value;
  }
  return null;
}

const KIND_LEAD: Readonly<Record<SomethingNewKind, string>> = {
  'case study': 'Brings a case study',
  answer: 'Brings an answer to their question',
  insight: 'Brings an insight',
  proposal: 'Brings a concrete proposal',
};

const NEW_VALUE_IDEAS =
  'Bring a case study, an answer to their question, an insight or a concrete proposal.';

function somethingNewItem(plan: CallPlan, history: readonly Attempt[]): ChecklistItem {
  const value = plainText(plan.newValue);
  if (value === '')
    return item('new', false, 'Nothing new planned for this call.', NEW_VALUE_IDEAS);
  const checkIn = findCheckInPhrases(value);
  if (checkIn.length > 0) {
    return item(
      'new',
      false,
      `${quote(checkIn[0] ?? '')} is a check-in, not something new.`,
      NEW_VALUE_IDEAS,
    );
  }
  if (wordCount(value) < NEW_VALUE_MIN_WORDS) {
    return item(
      'new',
      false,
      `${quote(value)} is too thin to count as something new.`,
      'Say in one sentence what you bring and why it matters to them.',
    );
  }
  const previous = lastRecordedNewValue(history);
  if (previous !== null && normalizeForMatch(previous) === normalizeForMatch(value)) {
    return item(
      'new',
      false,
      'Same as the last call — find something new or wait.',
      'Same as the last call: bring something they have not heard yet, or wait until you have it.',
    );
  }
  const lead = plan.newValueKind ? KIND_LEAD[plan.newValueKind] : 'Brings something new';
  return item('new', true, `${lead}: ${quote(excerpt(value, 12))}.`);
}

function directAskItem(plan: CallPlan): ChecklistItem {
  const ask = plainText(plan.ask);
  if (ask === '') {
    return item(
      'ask',
      false,
      'No ask yet — the call has no next step to land on.',
      'End on a day and a time, e.g. “Would Wednesday at 10:30 work for 15 minutes?”',
    );
  }
  const { day, time, length } = askParts(ask);
  if (day && time) {
    const lengthHint = length
      ? ''
      : ' Saying how long (e.g. 15 minutes) makes it easier to accept.';
    return item('ask', true, `Names a day and a time (${day}, ${time}).${lengthHint}`);
  }
  if (day) {
    return item(
      'ask',
      false,
      `Names a day (${day}) but no time.`,
      `Add a time, e.g. “${day} at 10:30”.`,
    );
  }
  if (time) {
    return item(
      'ask',
      false,
      `Names a time (${time}) but no day.`,
      `Add a day, e.g. “Wednesday ${time.startsWith('at ') ? time : `at ${time}`}”.`,
    );
  }
  return item(
    'ask',
    false,
    `${quote(excerpt(ask))} leaves the next step to them — there is no day or time in it.`,
    'Propose a day and a time, e.g. “Would Wednesday at 10:30 work for 15 minutes?”',
  );
}

const PLAN_TEXT_FIELDS = [
  ['goal', 'goal'],
  ['reference', 'reference'],
  ['opener', 'opener'],
  ['newValue', 'new value'],
  ['ask', 'ask'],
] as const;

function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

function checkInWarning(plan: CallPlan): ChecklistWarning | null {
  const fields: string[] = [];
  const phrases = new Set<string>();
  for (const [field, name] of PLAN_TEXT_FIELDS) {
    const found = findCheckInPhrases(plan[field]);
    if (found.length > 0) fields.push(name);
    found.forEach((phrase) => phrases.add(phrase));
  }
  if (phrases.size === 0) return null;
  return {
    key: 'check-in-language',
    message: `Check-in language in the ${listInWords(fields)}: ${[...phrases].map(quote).join(', ')}. Say what you bring instead.`,
  };
}

function warningsFor(
  plan: CallPlan,
  history: readonly Attempt[],
  newItem: ChecklistItem,
): ChecklistWarning[] {
  const warnings: ChecklistWarning[] = [];
  const goal = goalProblem(plan.goal);
  if (goal === 'missing') {
    warnings.push({
      key: 'no-single-goal',
      message: 'No goal for this call — decide the one outcome you want from it.',
    });
  } else if (goal === 'several') {
    warnings.push({
      key: 'no-single-goal',
      message: 'More than one goal — keep the single outcome that matters most for this call.',
    });
  }
  const checkIn = checkInWarning(plan);
  if (checkIn) warnings.push(checkIn);
  const openerWords = wordCount(plan.opener);
  if (openerWords > OPENER_MAX_WORDS) {
    warnings.push({
      key: 'long-opener',
      message: `The opener takes about ${secondsToSay(plan.opener)} seconds to say (${openerWords} words). Cut it to 15 seconds — about ${OPENER_MAX_WORDS} words.`,
    });
  }
  if (history.length > 0 && !newItem.met) {
    warnings.push({
      key: 'nothing-new',
      message:
        'Nothing new since the last attempt — bring something they have not heard, or wait until you have it.',
    });
  }
  return warnings;
}

export function evaluateChecklist(
  plan: CallPlan,
  notes: readonly Note[],
  history: readonly Attempt[],
): ChecklistResult {
  const somethingNew = somethingNewItem(plan, history);
  const items = [referenceItem(plan, notes), somethingNew, directAskItem(plan)];
  return {
    items,
    warnings: warningsFor(plan, history, somethingNew),
    complete: items.every((i) => i.met),
  };
}
