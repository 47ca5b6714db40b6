import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../lib/insights';

// Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), z = 1.96.
describe('wilsonInterval', () => {
  it('is null when there were no trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('5 of 10 → 0.237–0.763', () => {
    // z²/n = 0.38416, scale 1.38416; centre 0.5; half = 1.96·√(0.025 + 0.009604) / 1.38416 = 0.2634.
    const interval = wilsonInterval(5, 10);
    expect(interval?.rate).toBe(0.5);
    expect(interval?.low).toBeCloseTo(0.2366, 4);
    expect(interval?.high).toBeCloseTo(0.7634, 4);
  });

  it('0 of 10 still allows up to ~28%', () => {
    // centre = 0.19208 / 1.38416 = 0.13877 = half → 0 – 0.2775.
    const interval = wilsonInterval(0, 10);
    expect(interval?.low).toBe(0);
    expect(interval?.high).toBeCloseTo(0.2775, 4);
  });

  it('10 of 10 mirrors it: ~72% – 100%', () => {
    const interval = wilsonInterval(10, 10);
    expect(interval?.low).toBeCloseTo(0.7225, 4);
    expect(interval?.high).toBe(1);
  });

  it('takes another z: 5 of 10 at z = 1 → 0.349–0.651', () => {
    // z²/n = 0.1, scale 1.1; half = √(0.025 + 0.0025) / 1.1 = 0.15076.
    const interval = wilsonInterval(5, 10, 1);
    expect(interval?.low).toBeCloseTo(0.3492, 4);
    expect(interval?.high).toBeCloseTo(0.6508, 4);
  });
});
