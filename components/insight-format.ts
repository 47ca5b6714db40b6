// How the Insights page writes its numbers; formatting only, the numbers come from lib/insights.

/** 0.375 → "38%". */
export function percentLabel(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** A rate with its sample: "38% (52)"; "—" when there is nothing to divide. */
export function rateWithCount(rate: number | null, count: number): string {
  return rate === null ? '—' : `${percentLabel(rate)} (${count})`;
}

/** 0 → "12 am", 9 → "9 am", 13 → "1 pm". */
export function hourLabel(hour: number): string {
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelveHour} ${hour < 12 ? 'am' : 'pm'}`;
}

export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n} ${n === 1 ? word : many}`;
