// Wilson score interval: unlike "rate ± 1.96·SE" it stays inside 0–100% and behaves on the small
// samples a single rep produces (e.g. 0 of 8 still has a non-zero upper bound).

/** z for a two-sided 95% interval. */
const Z_95 = 1.96;

export interface RateInterval {
  /** successes ÷ trials. */
  rate: number;
  low: number;
  high: number;
}

export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): RateInterval | null {
  if (trials <= 0) return null;
  const rate = successes / trials;
  const z2 = z * z;
  const scale = 1 + z2 / trials;
  const center = (rate + z2 / (2 * trials)) / scale;
  const halfWidth =
    (z * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials))) / scale;
  // Clamp away floating-point dust (e.g. -1e-17 at 0 successes).
  return { rate, low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) };
}
