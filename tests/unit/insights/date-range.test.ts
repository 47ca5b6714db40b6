import { describe, expect, it } from 'vitest';
import { filterByDateRange } from '../../../lib/insights';
import { attempt } from './make-attempt';

describe('filterByDateRange', () => {
  const attempts = [10, 20, 30].map((at) => attempt('a', at, 'no-answer'));
  const ats = (from?: number, to?: number): number[] =>
    filterByDateRange(attempts, from, to).map((a) => a.at);

  it('keeps from ≤ at < to', () => {
    expect(ats(20, 30)).toEqual([20]);
  });

  it('leaves a missing bound open', () => {
    expect(ats()).toEqual([10, 20, 30]);
    expect(ats(20)).toEqual([20, 30]);
    expect(ats(undefined, 20)).toEqual([10]);
  });

  it('returns nothing for empty input', () => {
    expect(filterByDateRange([], 0, 1)).toEqual([]);
  });
});
