/** successes ÷ trials, or null when there were no trials (a rate of nothing is not 0%). */
export function rateOf(successes: number, trials: number): number | null {
  return trials > 0 ? successes / trials : null;
}
