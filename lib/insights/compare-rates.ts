import { wilsonInterval, type RateInterval } from './wilson-interval';

/** Below this many trials on either side, a comparison is noise: say so instead of guessing. */
export const MIN_TRIALS_PER_SIDE = 10;

interface RateGroup {
  /** Plural noun phrase, lower case, e.g. "connected calls with all three elements". */
  label: string;
  successes: number;
  trials: number;
}

interface GroupRate extends RateGroup {
  /** 95% Wilson interval; null when the group has no trials. */
  interval: RateInterval | null;
}

type RateVerdict = 'a-better' | 'b-better' | 'no-clear-difference' | 'too-little-data';

export interface RateComparison {
  a: GroupRate;
  b: GroupRate;
  verdict: RateVerdict;
  /** Plain words with the numbers, for the rep. */
  message: string;
}

interface CompareWording {
  /** What a success did, in the past tense: "booked meetings", "connected". */
  outcome: string;
  /** What a trial is, plural: "connected calls", "dials". */
  unit: string;
}

const percent = (x: number): number => Math.round(x * 100);
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function describeA(group: GroupRate, wording: CompareWording): string {
  const label = capitalized(group.label);
  const { interval } = group;
  if (!interval) return `${label}: none yet (n=0)`;
  return `${label} ${wording.outcome} ${percent(interval.rate)}% of the time (n=${group.trials}, 95% CI ${percent(interval.low)}–${percent(interval.high)}%)`;
}

function describeB(group: GroupRate): string {
  const { interval } = group;
  if (!interval) return `vs none yet for ${group.label} (n=0)`;
  return `vs ${percent(interval.rate)}% for ${group.label} (n=${group.trials}, ${percent(interval.low)}–${percent(interval.high)}%)`;
}

function verdictOf(a: GroupRate, b: GroupRate): RateVerdict {
  if (!a.interval || !b.interval) return 'too-little-data';
  if (a.trials < MIN_TRIALS_PER_SIDE || b.trials < MIN_TRIALS_PER_SIDE) return 'too-little-data';
  // Non-overlapping 95% intervals is stricter than a two-proportion test: when we call a
  // difference clear, it is; some real but small differences will read as "no clear difference".
  if (a.interval.low > b.interval.high) return 'a-better';
  if (b.interval.low > a.interval.high) return 'b-better';
  return 'no-clear-difference';
}

function conclusion(
  verdict: RateVerdict,
  a: GroupRate,
  b: GroupRate,
  wording: CompareWording,
): string {
  switch (verdict) {
    case 'too-little-data':
      return `Too little data to compare yet: each side needs at least ${MIN_TRIALS_PER_SIDE} ${wording.unit}.`;
    case 'a-better':
      return `A clear difference in favour of ${a.label}: the intervals don't overlap.`;
    case 'b-better':
      return `A clear difference in favour of ${b.label}: the intervals don't overlap.`;
    case 'no-clear-difference':
      return 'The intervals overlap, so the gap may be chance; keep logging.';
  }
}

/** Compares two success rates by their 95% Wilson intervals. */
export function compareRates(
  a: RateGroup,
  b: RateGroup,
  wording: CompareWording = { outcome: 'succeeded', unit: 'tries' },
): RateComparison {
  const withA: GroupRate = { ...a, interval: wilsonInterval(a.successes, a.trials) };
  const withB: GroupRate = { ...b, interval: wilsonInterval(b.successes, b.trials) };
  const verdict = verdictOf(withA, withB);
  const message = `${describeA(withA, wording)} ${describeB(withB)}. ${conclusion(verdict, withA, withB, wording)}`;
  return { a: withA, b: withB, verdict, message };
}
