import type { Attempt } from '../model';

/**
 * Attempts with from ≤ at < to (epoch ms); a missing bound is open. Half-open so that back-to-back
 * ranges (this week, last week) never count an attempt twice.
 */
export function filterByDateRange<T extends Pick<Attempt, 'at'>>(
  attempts: readonly T[],
  from?: number,
  to?: number,
): T[] {
  return attempts.filter(
    (attempt) =>
      (from === undefined || attempt.at >= from) && (to === undefined || attempt.at < to),
  );
}
