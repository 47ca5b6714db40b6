import { OUTCOMES, type Attempt, type Outcome } from '../model';
import { isMeeting } from './outcome-classes';

interface OutcomeShare {
  count: number;
  /** count ÷ attempts in the situation. */
  share: number;
}

export interface SituationOutcomes<K extends string> {
  situation: K;
  attempts: number;
  outcomes: Record<Outcome, OutcomeShare>;
  /** Share of the situation's attempts (any channel) that booked a meeting. */
  meetingRate: number;
}

/**
 * How attempts ended, per situation. `situationAt` should give the situation the rep was in when
 * the attempt was made (e.g. lib/coach's situationOf over the attempts before it); it is passed in,
 * and the key type left open, because lib/insights depends on lib/model only.
 * Busiest situation first.
 */
export function outcomeRatesBySituation<K extends string>(
  attempts: readonly Attempt[],
  situationAt: (attempt: Attempt) => K,
): SituationOutcomes<K>[] {
  const counts = new Map<
    K,
    { attempts: number; meetings: number; byOutcome: Map<Outcome, number> }
  >();
  for (const attempt of attempts) {
    const key = situationAt(attempt);
    let entry = counts.get(key);
    if (!entry) {
      entry = { attempts: 0, meetings: 0, byOutcome: new Map() };
      counts.set(key, entry);
    }
    entry.attempts += 1;
    if (isMeeting(attempt)) entry.meetings += 1;
    entry.byOutcome.set(attempt.outcome, (entry.byOutcome.get(attempt.outcome) ?? 0) + 1);
  }
  const rows: SituationOutcomes<K>[] = [];
  for (const [situation, entry] of counts) {
    const outcomes = Object.fromEntries(
      OUTCOMES.map((outcome) => {
        const count = entry.byOutcome.get(outcome) ?? 0;
        return [outcome, { count, share: count / entry.attempts }];
      }),
    ) as Record<Outcome, OutcomeShare>;
    rows.push({
      situation,
      attempts: entry.attempts,
      outcomes,
      meetingRate: entry.meetings / entry.attempts,
    });
  }
  return rows.sort((x, y) => y.attempts - x.attempts || x.situation.localeCompare(y.situation));
}
