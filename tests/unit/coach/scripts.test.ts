import { describe, expect, it } from 'vitest';
import { findCheckInPhrases } from '../../../lib/coach/checkin-language';
import {
  PLACEHOLDERS,
  findPlaceholders,
  hasPlaceholder,
  splitPlaceholders,
} from '../../../lib/coach/placeholders';
import { type Scripts, scripts } from '../../../lib/coach/scripts';
import type { SituationKey } from '../../../lib/coach/situation';
import { wordCount } from '../../../lib/coach/text';
import type { CallPlan, Contact, Note, RepSettings } from '../../../lib/model';

const SITUATIONS: SituationKey[] = [
  'new-contact',
  'after-good-call',
  'after-info-sent',
  'gone-dark',
  'call-later',
  'doesnt-remember',
  'meeting-booked',
  'not-interested',
];
/** The voicemail the panel shows for a plan whose reference is typed in (no note picked). */
function voicemailScript(
  c: Contact,
  p: CallPlan,
  r: RepSettings | undefined,
  tryAgainLabel?: string,
  situation: SituationKey = 'after-good-call',
): string {
  return scripts(situation, c, [], p, r, { tryAgainLabel }).voicemail;
}

const FIELDS: (keyof Scripts)[] = [
  'opener',
  'value',
  'close',
  'voicemail',
  'gatekeeper',
  'brushOff',
];

const contact: Contact = {
  id: 'c1',
  name: 'Sarah Lee',
  emails: ['sarah@northwind.test'],
  phones: [],
  company: 'Northwind',
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
};

const rep: RepSettings = {
  id: 'rep',
  repName: 'Mike Chen',
  company: 'Acme',
  callbackNumber: '555-010-2030',
  timeZone: 'Europe/London',
};

const PAIN = '15 hours a week on manual data entry';
const notes: Note[] = [
  { id: 'n1', contactId: 'c1', kind: 'pain point', text: PAIN, createdAt: 1, updatedAt: 1 },
];

function plan(overrides: Partial<CallPlan> = {}): CallPlan {
  return {
    contactId: 'c1',
    goal: 'Book a walk-through',
    referenceNoteId: 'n1',
    reference: '',
    newValueKind: 'case study',
    newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks',
    ask: 'Does Tuesday at 10:30 or Wednesday at 2:00 work for a 15-minute walk-through?',
    opener: '',
    updatedAt: 1,
    ...overrides,
  };
}

const LONG_TEXT = Array.from({ length: 60 }, (_, i) => `detail${i}`).join(' ');
const longContact: Contact = {
  ...contact,
  name: 'Maximiliana Alexandra Konstantinopoulou-Wetherington de la Cruz y Santos',
  company: 'The Very Long Northwind International Holdings Group Incorporated Limited',
};
const longRep: RepSettings = {
  ...rep,
  repName: 'Bartholomew Jonathan Fitzgerald-Montgomery the Third of Somewhere',
  company: 'Acme Global Enterprise Software Solutions and Consulting Services Group',
  callbackNumber: '+1 (555) 010 2030 extension 4455 then press 9',
};
const longPlan = plan({ reference: LONG_TEXT, newValue: LONG_TEXT, ask: LONG_TEXT });

describe('scripts — opener', () => {
  it.each(SITUATIONS)('%s: says who, which company, the reference and why', (situation) => {
    const { opener } = scripts(situation, contact, notes, plan(), rep);
    expect(opener).toMatch(/^Hi Sarah, this is Mike Chen with Acme\./);
    expect(opener).toContain(PAIN);
    expect(opener).toMatch(/case study|new thing/);
  });

  it('gives each situation its own opener', () => {
    const openers = SITUATIONS.map((s) => scripts(s, contact, notes, plan(), rep).opener);
    expect(new Set(openers).size).toBe(SITUATIONS.length);
  });

  it.each<[SituationKey, RegExp]>([
    ['after-good-call', /When we spoke, you mentioned/],
    ['after-info-sent', /I sent the details you asked for/],
    ['gone-dark', /gone quiet since — no problem.*off your list/],
    ['call-later', /You asked me to call back about now/],
    ['doesnt-remember', /We spoke a while back: you mentioned/],
    ['new-contact', /I'm calling about this:/],
    ['meeting-booked', /Before our meeting: you mentioned/],
    ['not-interested', /you said it wasn't for you.*your call/],
  ])('%s: fits the situation', (situation, cue) => {
    expect(scripts(situation, contact, notes, plan(), rep).opener).toMatch(cue);
  });

  it('a new contact is not told "you mentioned" — there was no conversation', () => {
    expect(scripts('new-contact', contact, notes, plan(), rep).opener).not.toMatch(/mentioned/);
  });

  it('prefers the plan’s reference text over the picked note', () => {
    const { opener } = scripts(
      'after-good-call',
      contact,
      notes,
      plan({ reference: 'You said the board wants it fixed by Q3' }),
      rep,
    );
    expect(opener).toContain('When we spoke, you said the board wants it fixed by Q3.');
  });

  it.each(SITUATIONS)('%s: stays within 40 words (15 s) with long inputs', (situation) => {
    for (const [c, r] of [
      [contact, rep],
      [longContact, longRep],
    ] as const) {
      const { opener } = scripts(situation, c, notes, longPlan, r);
      expect(wordCount(opener)).toBeLessThanOrEqual(40);
      expect(opener).toContain('detail0 detail1');
    }
  });

  it('shortens a long reference, visibly, instead of dropping it', () => {
    const { opener } = scripts('after-good-call', contact, notes, longPlan, rep);
    expect(opener).toMatch(/detail\d+…/);
    expect(opener).not.toContain('detail59');
  });

  it('keeps a reference that fits whole', () => {
    const { opener } = scripts('after-good-call', contact, notes, plan(), rep);
    expect(opener).not.toContain('…');
  });

  it('collapses whitespace in note text', () => {
    const messy: Note = { ...(notes[0] as Note), text: '  Q3   deadline\n\n for the\tboard  ' };
    const { opener } = scripts('after-good-call', contact, [messy], plan(), rep);
    expect(opener).toContain('you mentioned Q3 deadline for the board.');
  });
});

describe('scripts — value, close, gatekeeper, brush-off', () => {
  it.each<[CallPlan['newValueKind'], RegExp]>([
    ['case study', /^Here is the case study: A logistics firm/],
    ['answer', /^On the question you raised: A logistics firm/],
    ['insight', /^Something worth knowing: A logistics firm/],
    ['proposal', /^What I propose: A logistics firm/],
    [undefined, /^What's new: A logistics firm/],
  ])('value line for %s', (newValueKind, expected) => {
    expect(scripts('after-good-call', contact, notes, plan({ newValueKind }), rep).value).toMatch(
      expected,
    );
  });

  it('the close is the timed ask', () => {
    expect(scripts('after-good-call', contact, notes, plan(), rep).close).toBe(plan().ask);
  });

  const SUGGESTED =
    'Does Tuesday at 10:00 or Wednesday at 1:30 work better for a 15-minute walk-through?';
  it.each<[string, string, string]>([
    ['a timed ask', 'Would Thursday at 2pm work for 15 minutes?', 'own'],
    ['an ask with no time', 'Does Tuesday work?', 'suggested'],
    ['an ask with neither day nor time', 'Worth a chat sometime?', 'suggested'],
    ['a timed ask in check-in talk', 'Let me know if Tuesday at 10:30 works', 'suggested'],
    ['a number that is not a time', 'Monday, we have 50 users at 10 sites', 'suggested'],
    ['no ask at all', '', 'suggested'],
  ])('the close with %s is %s', (_name, ask, expected) => {
    const { close } = scripts('after-good-call', contact, notes, plan({ ask }), rep, {
      suggestedAsk: SUGGESTED,
    });
    expect(close).toBe(expected === 'own' ? ask : SUGGESTED);
  });

  it('without a suggested ask, a missing ask shows its placeholder', () => {
    const { close } = scripts('after-good-call', contact, notes, plan({ ask: '' }), rep);
    expect(close).toBe(`Would ${PLACEHOLDERS.ask} work for 15 minutes?`);
  });

  it.each(SITUATIONS)(
    '%s: the gatekeeper line is polite, states the purpose, keeps notes private',
    (situation) => {
      const { gatekeeper } = scripts(situation, contact, notes, plan(), rep);
      expect(gatekeeper).toMatch(/^Hi, this is Mike Chen with Acme\./);
      expect(gatekeeper).toContain('Sarah Lee');
      expect(gatekeeper).toMatch(/case study/);
      expect(gatekeeper).toMatch(/Could you put me through/);
      expect(gatekeeper).not.toContain(PAIN);
    },
  );

  it.each(SITUATIONS.filter((s) => s !== 'new-contact'))(
    '%s: the gatekeeper line refers to the earlier conversation',
    (situation) => {
      expect(scripts(situation, contact, notes, plan(), rep).gatekeeper).toMatch(
        /spoke recently|asked me to call back|have a meeting booked/,
      );
    },
  );

  it('the brush-off pivot acknowledges, offers one last thing and a way back', () => {
    const { brushOff } = scripts('gone-dark', contact, notes, plan(), rep);
    expect(brushOff).toMatch(/^Understood/);
    expect(brushOff).toContain('the case study');
    expect(brushOff).toContain('no reply needed');
    expect(brushOff).toContain('555-010-2030');
  });

  it('accepts a Situation object as well as a key', () => {
    expect(scripts({ key: 'gone-dark' }, contact, notes, plan(), rep)).toEqual(
      scripts('gone-dark', contact, notes, plan(), rep),
    );
  });

  it.each(SITUATIONS)('%s: our own lines carry no check-in language', (situation) => {
    const all = scripts(situation, contact, notes, plan(), rep, {
      tryAgainLabel: 'Thursday at 11:00',
    });
    for (const field of FIELDS) expect(findCheckInPhrases(all[field])).toEqual([]);
  });
});

describe('scripts — voicemail', () => {
  it.each(SITUATIONS)(
    '%s: at most 75 words (30 s) with long inputs, with or without a try-again time',
    (situation) => {
      for (const tryAgainLabel of [undefined, 'Thursday at 11:00', LONG_TEXT]) {
        for (const [c, r] of [
          [contact, rep],
          [longContact, longRep],
        ] as const) {
          const { voicemail } = scripts(situation, c, notes, longPlan, r, { tryAgainLabel });
          expect(wordCount(voicemail)).toBeLessThanOrEqual(75);
          expect(
            wordCount(voicemailScript(c, longPlan, r, tryAgainLabel, situation)),
          ).toBeLessThanOrEqual(75);
        }
      }
    },
  );

  it('names the rep, the company, the reason, and asks for a call back at the number', () => {
    const text = voicemailScript(contact, plan({ reference: PAIN }), rep);
    expect(text).toMatch(/^Hi Sarah, this is Mike Chen with Acme\./);
    expect(text).toContain(`You mentioned ${PAIN}.`);
    expect(text).toContain('case study');
    expect(text).toMatch(/call me back at 555-010-2030/);
    expect(text).not.toMatch(/call you again/);
  });

  it('ends with when the rep will call again, when a time is given', () => {
    const text = voicemailScript(contact, plan({ reference: PAIN }), rep, 'Thursday at 11:00');
    expect(text).toMatch(/or I'll call you again Thursday at 11:00\.$/);
    expect(text).toContain('555-010-2030');
  });

  it('scripts() passes the try-again time through to the voicemail', () => {
    const { voicemail } = scripts('gone-dark', contact, notes, plan(), rep, {
      tryAgainLabel: 'Friday at 10:30',
    });
    expect(voicemail).toMatch(/Friday at 10:30\.$/);
  });

  it('uses the picked note when the plan has no reference text', () => {
    expect(scripts('after-good-call', contact, notes, plan(), rep).voicemail).toContain(PAIN);
  });

  it('does not claim a past conversation with a new contact', () => {
    const text = voicemailScript(contact, plan({ reference: PAIN }), rep, undefined, 'new-contact');
    expect(text).not.toMatch(/mentioned/);
    expect(text).toContain(PAIN);
  });
});

describe('scripts — missing pieces and hostile text', () => {
  const bare: Contact = { ...contact, name: '  ', company: undefined };
  const empty = plan({
    referenceNoteId: undefined,
    reference: '',
    newValue: '',
    ask: '',
    newValueKind: undefined,
  });

  it.each(SITUATIONS)('%s: never shows undefined, null or NaN', (situation) => {
    const all = scripts(situation, bare, [], empty, undefined, { tryAgainLabel: undefined });
    for (const field of FIELDS) {
      expect(all[field]).not.toMatch(/undefined|null|NaN/);
      expect(all[field].trim()).not.toBe('');
    }
  });

  it('shows each missing piece as its placeholder', () => {
    const all = scripts('new-contact', bare, [], empty, undefined);
    expect(all.opener).toContain(PLACEHOLDERS.repName);
    expect(all.opener).toContain(PLACEHOLDERS.repCompany);
    expect(all.opener).toContain(PLACEHOLDERS.theirName);
    expect(all.opener).toContain(PLACEHOLDERS.reference);
    expect(all.value).toContain(PLACEHOLDERS.newValue);
    expect(all.close).toContain(PLACEHOLDERS.ask);
    expect(all.voicemail).toContain(PLACEHOLDERS.callbackNumber);
    expect(all.gatekeeper).toContain(PLACEHOLDERS.theirCompany);
    expect(all.brushOff).toContain(PLACEHOLDERS.callbackNumber);
  });

  it('the voicemail without rep settings uses placeholders', () => {
    const text = voicemailScript(contact, empty, undefined, 'Thursday at 11:00');
    expect(findPlaceholders(text)).toEqual([
      PLACEHOLDERS.repName,
      PLACEHOLDERS.repCompany,
      PLACEHOLDERS.reference,
      PLACEHOLDERS.callbackNumber,
    ]);
  });

  it('fills no placeholder when everything is known', () => {
    const all = scripts('after-good-call', contact, notes, plan(), rep);
    for (const field of FIELDS) expect(hasPlaceholder(all[field])).toBe(false);
  });

  it('passes hostile note text through as literal text', () => {
    const hostile: Note = {
      ...(notes[0] as Note),
      text: '<script>alert(1)</script> 15 hours/week',
    };
    const all = scripts('after-good-call', contact, [hostile], plan(), rep);
    expect(all.opener).toContain('you mentioned <script>alert(1)</script> 15 hours/week.');
    expect(all.voicemail).toContain('<script>alert(1)</script> 15 hours/week');
  });
});

describe('placeholders', () => {
  it('finds only the known placeholders, in order', () => {
    const text = `Hi ${PLACEHOLDERS.theirName}, [urgent] call ${PLACEHOLDERS.callbackNumber}`;
    expect(hasPlaceholder(text)).toBe(true);
    expect(hasPlaceholder('[urgent] 15 hours')).toBe(false);
    expect(findPlaceholders(text)).toEqual([PLACEHOLDERS.theirName, PLACEHOLDERS.callbackNumber]);
  });

  it('splits text into plain runs and placeholders for highlighting', () => {
    expect(splitPlaceholders(`Hi ${PLACEHOLDERS.theirName}, it's me.`)).toEqual([
      { text: 'Hi ', placeholder: false },
      { text: PLACEHOLDERS.theirName, placeholder: true },
      { text: ", it's me.", placeholder: false },
    ]);
  });
});
