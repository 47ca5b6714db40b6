import { describe, expect, it } from 'vitest';
import type { SituationKey } from '../../../lib/coach/situation';
import { outcomeRatesBySituation } from '../../../lib/insights';
import type { Attempt } from '../../../lib/model';
import { attempt, EMAIL } from './make-attempt';

describe('outcomeRatesBySituation', () => {
  it('is empty for no attempts', () => {
    expect(outcomeRatesBySituation([], () => 'gone-dark')).toEqual([]);
  });

  it('gives count, share of each outcome and meeting rate per situation, busiest first', () => {
    const situationById = new Map<string, SituationKey>();
    const situated = (key: SituationKey, a: Attempt): Attempt => {
      situationById.set(a.id, key);
      return a;
    };
    const attempts = [
      situated('gone-dark', attempt('a', 1, 'no-answer')),
      situated('gone-dark', attempt('a', 2, 'voicemail')),
      situated('gone-dark', attempt('a', 3, 'no-answer')),
      situated('gone-dark', attempt('a', 4, 'meeting-booked')),
      situated('after-good-call', attempt('b', 1, 'meeting-booked')),
      situated('after-good-call', attempt('b', 2, 'meeting-booked', EMAIL)),
    ];
    const rows = outcomeRatesBySituation(attempts, (a) => situationById.get(a.id) ?? 'new-contact');
    expect(rows.map((row) => [row.situation, row.attempts, row.meetingRate])).toEqual([
      ['gone-dark', 4, 0.25], // 1 meeting of 4
      ['after-good-call', 2, 1], // 2 of 2, the email one included
    ]);
    const goneDark = rows[0]?.outcomes;
    expect(goneDark?.['no-answer']).toEqual({ count: 2, share: 0.5 });
    expect(goneDark?.voicemail).toEqual({ count: 1, share: 0.25 });
    expect(goneDark?.connected).toEqual({ count: 0, share: 0 });
  });
});
