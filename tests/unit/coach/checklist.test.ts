import { describe, expect, it } from 'vitest';
import { askParts, isTimedAsk } from '../../../lib/coach/ask-detection';
import { findCheckInPhrases } from '../../../lib/coach/checkin-language';
import {
  type ChecklistItem,
  type ChecklistKey,
  evaluateChecklist,
} from '../../../lib/coach/checklist';
import type { Attempt, CallPlan, Note } from '../../../lib/model';

const PAIN = 'Team spends 15 hours/week on manual data entry';
const BOARD = 'Board wants pipeline visibility before the Q3 review';
const BLACK_BOX = 'Their CFO calls the current reporting a black box';
const FEW_REPS = '3 reps left in March';

function note(id: string, text: string, kind: Note['kind'] = 'pain point'): Note {
  return { id, contactId: 'c1', kind, text, createdAt: 1, updatedAt: 1 };
}

const NOTES: Note[] = [
  note('n-pain', PAIN),
  note('n-board', BOARD, 'deadline'),
  note('n-box', BLACK_BOX, 'quote'),
  note('n-reps', FEW_REPS, 'other'),
];

/** A plan that meets all three elements and trips no warning. */
function plan(overrides: Partial<CallPlan> = {}): CallPlan {
  return {
    contactId: 'c1',
    goal: 'Book a 15-minute walk-through',
    referenceNoteId: 'n-pain',
    reference: 'You mentioned 15 hours a week on manual data entry',
    newValueKind: 'case study',
    newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks',
    ask: 'Does Tuesday at 10:30 work for 15 minutes?',
    opener: 'Hi Sarah, this is Mike with Acme. You mentioned 15 hours a week on data entry.',
    updatedAt: 1,
    ...overrides,
  };
}

function attempt(at: number, newValue?: string): Attempt {
  return {
    id: `a${at}`,
    contactId: 'c1',
    at,
    channel: 'call',
    outcome: 'voicemail',
    ...(newValue === undefined ? {} : { plan: { newValue } }),
  };
}

function itemOf(key: ChecklistKey, p: CallPlan, notes = NOTES, history: Attempt[] = []) {
  const found = evaluateChecklist(p, notes, history).items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} item`);
  return found;
}

const warningKeys = (p: CallPlan, history: Attempt[] = []) =>
  evaluateChecklist(p, NOTES, history).warnings.map((w) => w.key);

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('evaluateChecklist — shape', () => {
  it('lists the three elements in order with their UI labels', () => {
    const result = evaluateChecklist(plan(), NOTES, []);
    expect(result.items.map((i) => [i.key, i.label])).toEqual([
      ['reference', 'Specific reference'],
      ['new', 'Something new'],
      ['ask', 'Direct ask'],
    ]);
  });

  it('a fully prepared plan is complete, warns nothing, and leaves fixes empty', () => {
    const result = evaluateChecklist(plan(), NOTES, []);
    expect(result.complete).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.items.every((i) => i.met && i.fix === '' && i.reason !== '')).toBe(true);
  });

  it.each<[string, Partial<CallPlan>]>([
    ['reference', { referenceNoteId: undefined, reference: 'our last conversation' }],
    ['something new', { newValue: '' }],
    ['ask', { ask: 'Let me know if you want to chat' }],
  ])('is not complete when the %s is missing, and the missing item has a fix', (_, overrides) => {
    const result = evaluateChecklist(plan(overrides), NOTES, []);
    expect(result.complete).toBe(false);
    const unmet = result.items.filter((i) => !i.met);
    expect(unmet).toHaveLength(1);
    expect((unmet[0] as ChecklistItem).fix).not.toBe('');
  });
});

describe('Specific reference', () => {
  it.each<[string, Partial<CallPlan>]>([
    ['the picked note exists', { referenceNoteId: 'n-board', reference: '' }],
    ['the picked note, its text untouched', { referenceNoteId: 'n-box', reference: BLACK_BOX }],
    [
      'the picked note, its text reworded around the same fact',
      { referenceNoteId: 'n-board', reference: 'You said the board wants it before the Q3 review' },
    ],
    ['a quoted phrase from a note', { referenceNoteId: undefined, reference: 'the "black box"' }],
    ['a distinctive number from a note', { referenceNoteId: undefined, reference: 'those 15 hrs' }],
    [
      'three significant words shared with a note',
      { referenceNoteId: undefined, reference: 'pipeline visibility for the board' },
    ],
  ])('is met when %s', (_, overrides) => {
    expect(itemOf('reference', plan(overrides)).met).toBe(true);
  });

  it.each<[string, Partial<CallPlan>]>([
    ['generic words only', { referenceNoteId: undefined, reference: 'our last conversation' }],
    [
      'generic, capitalised',
      { referenceNoteId: undefined, reference: 'Our LAST call, as we said!' },
    ],
    ['only two shared words', { referenceNoteId: undefined, reference: 'pipeline visibility' }],
    ['a one-digit number only', { referenceNoteId: undefined, reference: 'the 3 of them' }],
    ['a quoted phrase in no note', { referenceNoteId: undefined, reference: 'a "game changer"' }],
    ['nothing at all', { referenceNoteId: undefined, reference: '' }],
    ['a picked note that no longer exists', { referenceNoteId: 'gone', reference: '' }],
    [
      'a picked note whose text was rewritten into something generic',
      { referenceNoteId: 'n-pain', reference: 'our last conversation' },
    ],
    [
      'a picked note whose text now says something no note holds',
      { referenceNoteId: 'n-box', reference: 'the weather in Lisbon' },
    ],
  ])('is not met for %s, and suggests a note', (_, overrides) => {
    const item = itemOf('reference', plan(overrides));
    expect(item.met).toBe(false);
    expect(item.fix).toMatch(/from your notes/);
  });

  it('says why generic text does not count', () => {
    const item = itemOf('reference', plan({ referenceNoteId: undefined, reference: 'our chat' }));
    expect(item.reason).toContain('“our chat”');
    expect(item.reason).toMatch(/anyone/);
  });

  it.each<[string, Note[]]>([
    ['no notes', []],
    ['only blank notes', [note('blank', '   \n ')]],
  ])('with %s is not met and asks for a note of what they said', (_, notes) => {
    const item = itemOf('reference', plan(), notes);
    expect(item.met).toBe(false);
    expect(item.fix).toBe('Add a note of something they said — a pain, a number, a deadline.');
  });

  it('passes hostile note text through as literal text', () => {
    const hostile = note('h', '<script>alert(1)</script> 15 hours/week');
    const item = itemOf('reference', plan({ referenceNoteId: 'h' }), [hostile]);
    expect(item.met).toBe(true);
    expect(item.reason).toContain('<script>alert(1)</script> 15 hours/week');
  });
});

describe('Something new', () => {
  it.each<[string, string, Attempt[]]>([
    ['a concrete case study, first call', 'A logistics firm cut that to 2 hours', []],
    ['exactly four words', 'Integration answer from engineering', []],
    [
      'different from the last attempt',
      'Our new API import cuts the data entry',
      [attempt(5, 'Old')],
    ],
  ])('is met for %s', (_, newValue, history) => {
    expect(itemOf('new', plan({ newValue }), NOTES, history).met).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['empty', '', /Nothing new/],
    ['three words', 'Integration answer ready', /too thin/],
    ['check-in language', 'Just checking in on the proposal we sent', /check-in/],
    ['check-in with odd case', 'Wanted to TOUCH-BASE about pricing', /check-in/],
  ])('is not met when %s', (_, newValue, reason) => {
    const item = itemOf('new', plan({ newValue }));
    expect(item.met).toBe(false);
    expect(item.reason).toMatch(reason);
    expect(item.fix).not.toBe('');
  });

  it.each<[string, string, Attempt[]]>([
    [
      'verbatim',
      'A logistics firm cut that to 2 hours',
      [attempt(1, 'A logistics firm cut that to 2 hours')],
    ],
    [
      'with other case and punctuation',
      'a logistics firm cut that to 2 hours',
      [attempt(1, 'A Logistics firm — cut that to 2 hours!')],
    ],
    [
      'of the newest attempt even if listed last',
      'Case study from a logistics firm',
      [attempt(1, 'Something older they heard'), attempt(9, 'Case study from a logistics firm')],
    ],
    [
      'of the newest recorded plan when the newest attempt recorded none',
      'Case study from a logistics firm',
      [attempt(1, 'Case study from a logistics firm'), attempt(9)],
    ],
  ])('is not met when it repeats the last attempt (%s)', (_, newValue, history) => {
    const item = itemOf('new', plan({ newValue }), NOTES, history);
    expect(item.met).toBe(false);
    expect(item.reason).toBe('Same as the last call — find something new or wait.');
  });

  it('is met when it repeats an older attempt but not the newest', () => {
    const history = [
      attempt(1, 'Case study from a logistics firm'),
      attempt(9, 'Q3 pricing insight for them'),
    ];
    expect(
      itemOf('new', plan({ newValue: 'Case study from a logistics firm' }), NOTES, history).met,
    ).toBe(true);
  });
});

describe('Direct ask', () => {
  it.each([
    'Tuesday at 10:30',
    'Wed 2pm',
    'on 12/3 at 14:00',
    'tomorrow at 9',
    'Does Thursday at 2 pm work for a 20-minute call?',
    'March 3rd at 11am?',
    'Friday at noon for 15 minutes',
    'Can we do 2025-03-18 at 10.30?',
    'Tuesday at 3?',
    'Does Wednesday at 11 or Thursday at 2 work?',
    'Thursday, 14h30',
    "Monday at 3 o'clock",
  ])('is met for %j', (ask) => {
    const item = itemOf('ask', plan({ ask }));
    expect(item.met).toBe(true);
    expect(isTimedAsk(ask)).toBe(true);
  });

  it.each<[string, RegExp]>([
    ['Let me know if you want to chat', /no day or time/],
    ['', /No ask yet/],
    ['Does Tuesday work?', /no time/],
    ['Tuesday for 30 minutes?', /no time/],
    ['Could we talk at 2pm?', /no day/],
    ['Worth 15 minutes sometime next week?', /no day or time/],
    ['We save them at 15 hours a week', /no day or time/],
    // A number after "at" is not a clock time: a quantity, a price, a version.
    ['Monday, we have 50 users at 10 sites', /no time/],
    ['Monday at 10 sites is the plan', /no time/],
    ['Tuesday: the licence is $1.50 per user', /no time/],
    ['Thursday we upgrade to 14.20', /no time/],
    ['On 12/3 we onboard 9 reps at 2 offices', /no time/],
  ])('is not met for %j', (ask, reason) => {
    const item = itemOf('ask', plan({ ask }));
    expect(item.met).toBe(false);
    expect(item.reason).toMatch(reason);
    expect(item.fix).toMatch(/day|time/);
  });

  it('reads the day, time and length as written', () => {
    expect(askParts('Does Tuesday at 10:30 work for a 15-minute walk-through?')).toEqual({
      day: 'Tuesday',
      time: '10:30',
      length: '15-minute',
    });
  });
});

describe('warning: no single goal', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['two goals joined by "and also"', 'Book a demo and also get pricing feedback'],
    ['two questions', 'Can we book a demo? Who signs off?'],
    ['two goal verbs', 'Book a demo and confirm the budget'],
    ['a list', '1) book demo 2) intro to CFO'],
    ['separate lines', 'Book the demo\nConfirm the budget'],
  ])('warns when the goal is %s', (_, goal) => {
    expect(warningKeys(plan({ goal }))).toContain('no-single-goal');
  });

  it.each([
    'Book a 15-minute walk-through',
    'Book a walk-through for Tuesday and Wednesday',
    'Confirm budget and timeline',
    'Is the Q3 deadline still real?',
  ])('does not warn for one goal: %j', (goal) => {
    expect(warningKeys(plan({ goal }))).not.toContain('no-single-goal');
  });
});

describe('warning: check-in language', () => {
  it.each<[keyof CallPlan, string]>([
    ['opener', 'Just checking in on our proposal'],
    ['opener', 'Hi, wanted to TOUCH-BASE.'],
    ['goal', 'touch  base!'],
    ['ask', 'Any questions?'],
    ['ask', 'LET ME KNOW IF Tuesday at 10 works'],
    ['newValue', 'Circling back on the pricing we discussed'],
    ['opener', 'I’m following up to see where you are'],
    ['goal', 'Wanted to see if they read it'],
    ['opener', 'Just Checking-In...'],
    ['reference', 'Touching base on our last conversation'],
    ['reference', 'Any questions about what I sent?'],
  ])('flags %s: %j', (field, text) => {
    const result = evaluateChecklist(plan({ [field]: text }), NOTES, []);
    const warning = result.warnings.find((w) => w.key === 'check-in-language');
    expect(warning?.message).toMatch(/Check-in language/);
  });

  it('names each phrase once, preferring the longest', () => {
    expect(findCheckInPhrases('Just checking in, any questions?')).toEqual([
      'just checking in',
      'any questions',
    ]);
  });

  it.each([
    'We can base the pilot on your touch screens',
    'I checked the integration in our sandbox',
    'Questions they raised about SSO are answered',
  ])('does not flag %j', (opener) => {
    expect(warningKeys(plan({ opener }))).not.toContain('check-in-language');
  });
});

describe('warning: long opener', () => {
  it('does not warn at 40 words', () => {
    expect(warningKeys(plan({ opener: words(40) }))).not.toContain('long-opener');
  });

  it('warns at 41 words with the words and seconds spoken', () => {
    const warning = evaluateChecklist(plan({ opener: words(41) }), NOTES, []).warnings.find(
      (w) => w.key === 'long-opener',
    );
    expect(warning?.message).toContain('41 words');
    expect(warning?.message).toContain('about 16 seconds');
  });

  it('does not count dashes and stray punctuation as words', () => {
    expect(warningKeys(plan({ opener: `${words(40)} — … !` }))).not.toContain('long-opener');
  });
});

describe('warning: nothing new since the last attempt', () => {
  it.each<[string, Partial<CallPlan>, Attempt[], boolean]>([
    ['first attempt, nothing new', { newValue: '' }, [], false],
    ['after an attempt, nothing new', { newValue: '' }, [attempt(1, 'Old')], true],
    ['after an attempt, a check-in', { newValue: 'just checking in' }, [attempt(1)], true],
    [
      'after an attempt, the same value',
      { newValue: 'A logistics firm cut that to 2 hours' },
      [attempt(1, 'A logistics firm cut that to 2 hours.')],
      true,
    ],
    ['after an attempt, something new', {}, [attempt(1, 'Old news entirely different')], false],
  ])('%s → warns: %s', (_, overrides, history, warns) => {
    expect(warningKeys(plan(overrides), history).includes('nothing-new')).toBe(warns);
  });
});

describe('quoting a note that already quotes the prospect', () => {
  const QUOTED = '"If it is not fixed by Q3, I lose two reps," she said';
  const WHOLE = '“We re-key every order by hand.”';

  it('shows the note in one pair of quotes, its own marks dropped', () => {
    const notes = [note('n-q', QUOTED, 'quote'), note('n-w', WHOLE, 'quote')];
    const picked = itemOf('reference', plan({ referenceNoteId: 'n-w', reference: '' }), notes);
    expect(picked.reason).toBe('Points back to your note “We re-key every order by hand.”.');
    const cut = itemOf('reference', plan({ referenceNoteId: 'n-q', reference: '' }), notes);
    expect(cut.reason).toMatch(/^Points back to your note “If it /);
    expect(cut.reason).not.toMatch(/“["“]|["”]”/);
  });

  it('keeps quotes inside a note that does not start with one', () => {
    const notes = [note('n-box', 'Their CFO calls the reporting a "black box"', 'quote')];
    const picked = itemOf('reference', plan({ referenceNoteId: 'n-box', reference: '' }), notes);
    expect(picked.reason).toContain('“Their CFO calls the reporting a "black box"”');
  });
});
