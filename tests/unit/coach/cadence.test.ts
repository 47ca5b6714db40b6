import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { nextFollowUp, pivotAdvice } from '../../../lib/coach/cadence';
import type { Attempt, Channel, Contact, Outcome } from '../../../lib/model';
import {
  JAN,
  FEB,
  MAR,
  APR,
  MAY,
  JUN,
  OCT,
  NOV,
  NY,
  LA,
  LONDON,
  BERLIN,
  KOLKATA,
  TOKYO,
  SYDNEY,
} from './calendar';

const HOUR_MS = 60 * 60 * 1000;

type ContactFacts = Pick<Contact, 'timeZone' | 'preferredChannel'>;

/** An independent reading of a moment on a zone's wall clock: "Tue 10:30". */
function wallClock(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

let ids = 0;
function attempt(at: TZDate | number, outcome: Outcome, channel: Channel = 'call'): Attempt {
  ids += 1;
  return { id: `a${ids}`, contactId: 'c1', at: Number(at), channel, outcome };
}

describe('after a connected call: 2–3 business days, mid-week, 10:00 their time', () => {
  it.each([
    [
      'Monday → Wednesday',
      new TZDate(2026, MAY, 4, 15, 0, NY),
      NY,
      new TZDate(2026, MAY, 6, 10, 0, NY),
      2,
    ],
    [
      'Tuesday → Thursday',
      new TZDate(2026, MAY, 5, 15, 0, LA),
      LA,
      new TZDate(2026, MAY, 7, 10, 0, LA),
      2,
    ],
    // Friday morning is workable and Monday morning is not, so Friday stays.
    [
      'Wednesday → Friday',
      new TZDate(2026, MAY, 6, 15, 0, LONDON),
      LONDON,
      new TZDate(2026, MAY, 8, 10, 0, LONDON),
      2,
    ],
    [
      'Thursday 30 April → Tuesday 5 May, not Monday',
      new TZDate(2026, APR, 30, 15, 0, BERLIN),
      BERLIN,
      new TZDate(2026, MAY, 5, 10, 0, BERLIN),
      3,
    ],
    [
      'Friday → Tuesday',
      new TZDate(2026, MAY, 1, 11, 0, KOLKATA),
      KOLKATA,
      new TZDate(2026, MAY, 5, 10, 0, KOLKATA),
      2,
    ],
    [
      'Saturday → Tuesday',
      new TZDate(2026, MAY, 2, 11, 0, TOKYO),
      TOKYO,
      new TZDate(2026, MAY, 5, 10, 0, TOKYO),
      2,
    ],
    [
      'Friday 30 January → Tuesday 3 February',
      new TZDate(2026, JAN, 30, 16, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, FEB, 3, 10, 0, SYDNEY),
      2,
    ],
    // 10:00 on the wall clock after each DST change, not 9:00 or 11:00.
    [
      'New York spring forward',
      new TZDate(2026, MAR, 5, 15, 0, NY),
      NY,
      new TZDate(2026, MAR, 10, 10, 0, NY),
      3,
    ],
    [
      'New York fall back',
      new TZDate(2026, OCT, 29, 15, 0, NY),
      NY,
      new TZDate(2026, NOV, 3, 10, 0, NY),
      3,
    ],
    [
      'Berlin spring forward',
      new TZDate(2026, MAR, 26, 15, 0, BERLIN),
      BERLIN,
      new TZDate(2026, MAR, 31, 10, 0, BERLIN),
      3,
    ],
    [
      'Berlin fall back',
      new TZDate(2026, OCT, 22, 15, 0, BERLIN),
      BERLIN,
      new TZDate(2026, OCT, 27, 10, 0, BERLIN),
      3,
    ],
    [
      'Sydney autumn change',
      new TZDate(2026, APR, 2, 15, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, APR, 7, 10, 0, SYDNEY),
      3,
    ],
    [
      'Sydney spring change',
      new TZDate(2026, OCT, 1, 15, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, OCT, 6, 10, 0, SYDNEY),
      3,
    ],
  ])('%s', (_label, now, zone, expected, businessDays) => {
    const followUp = nextFollowUp('connected', [], now, { timeZone: zone }, { repZone: LA });
    expect(followUp).toEqual({
      dueAt: expected.getTime(),
      channel: 'call',
      reason:
        businessDays === 2
          ? '2 business days after a connected call'
          : '3 business days after a connected call, to land mid-week',
    });
    expect(wallClock(expected.getTime(), zone)).not.toMatch(/^(Sat|Sun|Mon)/);
  });

  it('counts on the prospect’s calendar: Thursday evening for a Los Angeles rep is Friday in Tokyo', () => {
    const now = new TZDate(2026, APR, 30, 17, 0, LA);
    const followUp = nextFollowUp('connected', [], now, { timeZone: TOKYO }, { repZone: LA });
    expect(followUp?.dueAt).toBe(new TZDate(2026, MAY, 5, 10, 0, TOKYO).getTime());
  });

  it('uses the prospectZone option over the contact’s zone, and the rep’s zone when neither is known', () => {
    const now = new TZDate(2026, MAY, 4, 15, 0, NY);
    const overridden = nextFollowUp(
      'connected',
      [],
      now,
      { timeZone: NY },
      {
        repZone: LA,
        prospectZone: BERLIN,
      },
    );
    expect(overridden?.dueAt).toBe(new TZDate(2026, MAY, 6, 10, 0, BERLIN).getTime());
    const unknown = nextFollowUp('connected', [], now, {}, { repZone: LA });
    expect(unknown?.dueAt).toBe(new TZDate(2026, MAY, 6, 10, 0, LA).getTime());
  });
});

describe('after sending information: 24–48 h later, in a window', () => {
  it.each([
    [
      'Monday 10:00 → Tuesday 10:00',
      new TZDate(2026, MAY, 4, 10, 0, NY),
      NY,
      new TZDate(2026, MAY, 5, 10, 0, NY),
    ],
    [
      'Tuesday 2:20 pm → Wednesday 2:30 pm',
      new TZDate(2026, MAY, 5, 14, 20, KOLKATA),
      KOLKATA,
      new TZDate(2026, MAY, 6, 14, 30, KOLKATA),
    ],
    // Thursday's windows are too soon and Tuesday too late: Friday morning.
    [
      'Wednesday 4 pm → Friday 10:00',
      new TZDate(2026, MAY, 6, 16, 0, LONDON),
      LONDON,
      new TZDate(2026, MAY, 8, 10, 0, LONDON),
    ],
    [
      'Friday 11:00 → Monday 1:30 pm, not Monday morning',
      new TZDate(2026, MAY, 1, 11, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, MAY, 4, 13, 30, SYDNEY),
    ],
    [
      'Saturday across the Berlin change → Monday 1:30 pm',
      new TZDate(2026, MAR, 28, 11, 0, BERLIN),
      BERLIN,
      new TZDate(2026, MAR, 30, 13, 30, BERLIN),
    ],
  ])('%s', (_label, now, zone, expected) => {
    const followUp = nextFollowUp('sent-info', [], now, { timeZone: zone }, { repZone: zone });
    expect(followUp?.dueAt).toBe(expected.getTime());
    expect(followUp?.channel).toBe('call');
    expect(expected.getTime() - now.getTime()).toBeGreaterThanOrEqual(24 * HOUR_MS);
  });
});

describe('an agreed time is kept exactly', () => {
  const now = new TZDate(2026, MAY, 5, 9, 0, NY);
  const thursdayAt11 = new TZDate(2026, MAY, 7, 11, 0, NY);
  it.each<Outcome>(['voicemail', 'call-back', 'connected', 'not-interested', 'sent-info'])(
    'after %s',
    (outcome) => {
      const followUp = nextFollowUp(
        outcome,
        [],
        now,
        { timeZone: NY },
        {
          repZone: LA,
          agreedAt: thursdayAt11.getTime(),
        },
      );
      expect(followUp).toEqual({
        dueAt: thursdayAt11.getTime(),
        channel: 'call',
        reason: 'At the time you agreed: Thursday 11:00 am their time',
      });
    },
  );

  it('an agreed time in the past is ignored', () => {
    const yesterday = now.getTime() - 24 * HOUR_MS;
    const followUp = nextFollowUp(
      'voicemail',
      [],
      now,
      { timeZone: NY },
      {
        repZone: NY,
        agreedAt: yesterday,
      },
    );
    // The gone-dark sequence instead: 2 business days on.
    expect(followUp?.dueAt).toBe(new TZDate(2026, MAY, 7, 10, 0, NY).getTime());
  });

  it('a call back with no time set goes to the next business day', () => {
    const friday = new TZDate(2026, MAY, 1, 15, 0, TOKYO);
    const followUp = nextFollowUp('call-back', [], friday, { timeZone: TOKYO }, { repZone: TOKYO });
    expect(followUp?.dueAt).toBe(new TZDate(2026, MAY, 4, 13, 30, TOKYO).getTime());
  });
});

describe('gone dark: 4 attempts over two weeks, mixing calls and emails, then monthly', () => {
  const connected = attempt(new TZDate(2026, APR, 6, 10, 0, NY), 'connected');
  const first = attempt(new TZDate(2026, APR, 13, 15, 0, NY), 'voicemail');
  const second = attempt(new TZDate(2026, APR, 15, 10, 0, NY), 'email-sent', 'email');
  const third = attempt(new TZDate(2026, APR, 21, 10, 0, NY), 'gatekeeper');
  const fourth = attempt(new TZDate(2026, APR, 27, 13, 30, NY), 'email-sent', 'email');
  const contact: ContactFacts = { timeZone: NY };

  it.each([
    [
      '1st unanswered → 2 business days, email',
      'voicemail',
      [connected],
      first,
      new TZDate(2026, APR, 15, 10, 0, NY),
      'email',
      'attempt 2 of 4',
    ],
    [
      '2nd (the email, no reply) → 4 business days, call',
      'email-sent',
      [connected, first],
      second,
      new TZDate(2026, APR, 21, 10, 0, NY),
      'call',
      'attempt 3 of 4',
    ],
    [
      '3rd → 4 business days (a Monday, so the afternoon), email',
      'gatekeeper',
      [connected, first, second],
      third,
      new TZDate(2026, APR, 27, 13, 30, NY),
      'email',
      'attempt 4 of 4',
    ],
    [
      '4th (an email), two weeks after the 1st → monthly',
      'email-sent',
      [connected, first, second, third],
      fourth,
      new TZDate(2026, MAY, 27, 10, 0, NY),
      'email',
      'Monthly touch',
    ],
    [
      '5th → still monthly',
      'voicemail',
      [connected, first, second, third, fourth],
      attempt(new TZDate(2026, MAY, 27, 10, 0, NY), 'voicemail'),
      new TZDate(2026, JUN, 26, 10, 0, NY),
      'email',
      'Monthly touch',
    ],
  ] as const)('%s', (_label, outcome, history, current, expected, channel, reasonPart) => {
    // History arrives in any order.
    const shuffled = [...history].reverse();
    const followUp = nextFollowUp(outcome, shuffled, current.at, contact, { repZone: NY });
    expect(followUp?.dueAt).toBe(expected.getTime());
    expect(followUp?.channel).toBe(channel);
    expect(followUp?.reason).toContain(reasonPart);
  });

  it('counts only since the last conversation', () => {
    const before = [
      attempt(new TZDate(2026, MAR, 2, 10, 0, NY), 'voicemail'),
      attempt(new TZDate(2026, MAR, 4, 10, 0, NY), 'no-answer'),
      attempt(new TZDate(2026, MAR, 10, 10, 0, NY), 'voicemail'),
    ];
    const followUp = nextFollowUp('voicemail', [...before, connected], first.at, contact, {
      repZone: NY,
    });
    expect(followUp?.reason).toContain('attempt 2 of 4');
    expect(followUp?.dueAt).toBe(new TZDate(2026, APR, 15, 10, 0, NY).getTime());
  });

  it('a wrong number in between is not an unanswered attempt', () => {
    const wrong = attempt(new TZDate(2026, APR, 14, 10, 0, NY), 'wrong-number');
    const followUp = nextFollowUp('no-answer', [connected, first, wrong], second.at, contact, {
      repZone: NY,
    });
    expect(followUp?.reason).toContain('attempt 3 of 4');
  });

  it('an attempt already stored at "now" is not counted twice', () => {
    const followUp = nextFollowUp('voicemail', [connected, first], first.at, contact, {
      repZone: NY,
    });
    expect(followUp?.reason).toContain('attempt 2 of 4');
  });

  it('four quick attempts in one week: one more at the two-week mark before going monthly', () => {
    const quick = [
      attempt(new TZDate(2026, APR, 13, 10, 0, NY), 'voicemail'),
      attempt(new TZDate(2026, APR, 14, 10, 0, NY), 'voicemail'),
      attempt(new TZDate(2026, APR, 15, 10, 0, NY), 'voicemail'),
    ];
    const now = new TZDate(2026, APR, 16, 10, 0, NY);
    const followUp = nextFollowUp('voicemail', quick, now, contact, { repZone: NY });
    expect(followUp?.dueAt).toBe(new TZDate(2026, APR, 27, 13, 30, NY).getTime());
    // Four calls in a row: the next one mixes in an email.
    expect(followUp?.channel).toBe('email');
    expect(followUp?.reason).toContain('under two weeks');
  });

  it('every step of a sequence that starts on a Friday lands on a weekday', () => {
    let history: Attempt[] = [];
    let now = new TZDate(2026, MAY, 29, 16, 0, SYDNEY).getTime();
    for (let step = 0; step < 6; step += 1) {
      const followUp = nextFollowUp(
        'no-answer',
        history,
        now,
        { timeZone: SYDNEY },
        {
          repZone: LA,
        },
      );
      expect(followUp).not.toBeNull();
      if (!followUp) return;
      expect(followUp.dueAt).toBeGreaterThan(now);
      expect(wallClock(followUp.dueAt, SYDNEY)).not.toMatch(/^(Sat|Sun)/);
      history = [...history, attempt(now, 'no-answer')];
      now = followUp.dueAt;
    }
  });
});

describe('channel, nurture and no follow-up', () => {
  it.each<Outcome>(['connected', 'sent-info', 'voicemail', 'no-answer', 'gatekeeper', 'call-back'])(
    'a contact who prefers email gets email after %s',
    (outcome) => {
      const now = new TZDate(2026, MAY, 5, 15, 0, LONDON);
      const followUp = nextFollowUp(
        outcome,
        [],
        now,
        { timeZone: LONDON, preferredChannel: 'email' },
        {
          repZone: LONDON,
        },
      );
      expect(followUp?.channel).toBe('email');
    },
  );

  it('says why the channel is email when the rule would have called', () => {
    const now = new TZDate(2026, MAY, 4, 15, 0, NY);
    const followUp = nextFollowUp(
      'connected',
      [],
      now,
      { timeZone: NY, preferredChannel: 'email' },
      {
        repZone: NY,
      },
    );
    expect(followUp?.reason).toBe('2 business days after a connected call — email, as they prefer');
  });

  it.each([
    [
      'Berlin, May',
      new TZDate(2026, MAY, 5, 11, 0, BERLIN),
      BERLIN,
      new TZDate(2026, JUN, 4, 10, 0, BERLIN),
    ],
    // 30 days lands on Sunday 1 November, after Sydney's spring change: Monday afternoon.
    [
      'Sydney, across the spring change',
      new TZDate(2026, OCT, 2, 11, 0, SYDNEY),
      SYDNEY,
      new TZDate(2026, NOV, 2, 13, 30, SYDNEY),
    ],
  ])('not interested → a monthly nurture email (%s)', (_label, now, zone, expected) => {
    const followUp = nextFollowUp('not-interested', [], now, { timeZone: zone }, { repZone: LA });
    expect(followUp).toEqual({
      dueAt: expected.getTime(),
      channel: 'email',
      reason: 'Not interested for now: a monthly nurture email',
    });
  });

  it.each<Outcome>(['wrong-number', 'meeting-booked'])('%s schedules nothing', (outcome) => {
    const now = new TZDate(2026, MAY, 5, 11, 0, NY);
    const agreedAt = new TZDate(2026, MAY, 7, 11, 0, NY).getTime();
    expect(nextFollowUp(outcome, [], now, { timeZone: NY }, { repZone: NY })).toBeNull();
    expect(nextFollowUp(outcome, [], now, { timeZone: NY }, { repZone: NY, agreedAt })).toBeNull();
  });
});

describe('pivotAdvice: several weeks of vague or no answers', () => {
  const day = (month: number, date: number): number =>
    new TZDate(2026, month, date, 10, 0, NY).getTime();
  const now = day(MAY, 1);

  it.each([
    [
      '4 unanswered over 3 weeks',
      [
        ['voicemail', APR, 1],
        ['no-answer', APR, 8],
        ['gatekeeper', APR, 15],
        ['no-answer', APR, 22],
      ],
      true,
    ],
    [
      'vague answers count too',
      [
        ['call-back', APR, 1],
        ['sent-info', APR, 8],
        ['voicemail', APR, 15],
        ['no-answer', APR, 22],
      ],
      true,
    ],
    [
      'a conversation long ago, then 5 unanswered over 4 weeks',
      [
        ['connected', MAR, 1],
        ['voicemail', MAR, 30],
        ['voicemail', APR, 6],
        ['voicemail', APR, 13],
        ['voicemail', APR, 20],
        ['voicemail', APR, 27],
      ],
      true,
    ],
    [
      '4 attempts over only 2 weeks',
      [
        ['voicemail', APR, 8],
        ['no-answer', APR, 13],
        ['voicemail', APR, 17],
        ['no-answer', APR, 22],
      ],
      false,
    ],
    [
      '3 attempts over 4 weeks',
      [
        ['voicemail', APR, 1],
        ['no-answer', APR, 15],
        ['voicemail', APR, 29],
      ],
      false,
    ],
    [
      'a conversation since the first attempt',
      [
        ['voicemail', APR, 1],
        ['connected', APR, 8],
        ['voicemail', APR, 15],
        ['no-answer', APR, 22],
      ],
      false,
    ],
    [
      'a meeting booked since the first attempt',
      [
        ['voicemail', APR, 1],
        ['no-answer', APR, 8],
        ['voicemail', APR, 15],
        ['meeting-booked', APR, 22],
      ],
      false,
    ],
    ['no attempts at all', [], false],
  ] as const)('%s → %s', (_label, rows, pivot) => {
    const history = rows.map(([outcome, month, date]) => attempt(day(month, date), outcome));
    const advice = pivotAdvice([...history].reverse(), now);
    expect(advice.pivot).toBe(pivot);
    expect(advice.reason.length).toBeGreaterThan(0);
  });

  it('names the count and the span', () => {
    const history = [1, 8, 15, 22].map((date) => attempt(day(APR, date), 'voicemail'));
    expect(pivotAdvice(history, now).reason).toBe(
      '4 attempts over 3 weeks without a real conversation: move them to nurture or close the file.',
    );
  });

  it('three weeks across the New York spring change still count as three weeks', () => {
    // 2 March 10:00 EST to 23 March 10:00 EDT is 21 days less an hour.
    const history = [2, 9, 16, 23].map((date) => attempt(day(MAR, date), 'voicemail'));
    expect(pivotAdvice(history, day(MAR, 24)).pivot).toBe(true);
  });

  it('ignores attempts logged after now', () => {
    const history = [1, 8, 15, 22].map((date) => attempt(day(APR, date), 'voicemail'));
    expect(pivotAdvice(history, day(APR, 16)).pivot).toBe(false);
    expect(pivotAdvice(history, day(APR, 23)).pivot).toBe(true);
  });
});
