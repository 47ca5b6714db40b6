import { describe, expect, it } from 'vitest';
import {
  clockText,
  elapsedSeconds,
  remainingSeconds,
  timerPhase,
} from '@/lib/coach/voicemail-timer';

const started = { startedAt: 1_000_000 };
const at = (seconds: number) => started.startedAt + seconds * 1000;

describe('the voicemail timer', () => {
  it.each([
    [0, '0:30', 'running'],
    [3.2, '0:27', 'running'],
    [19.5, '0:11', 'running'],
    [20, '0:10', 'warning'],
    [29.9, '0:01', 'warning'],
    [30, '0:00', 'over'],
    [95, '0:00', 'over'],
  ])('at %s s shows %s (%s)', (seconds, shown, phase) => {
    expect(clockText(remainingSeconds(started, at(seconds)))).toBe(shown);
    expect(timerPhase(started, at(seconds))).toBe(phase);
  });

  it('reads the time from timestamps: a panel throttled to one tick in 7 s is still exact', () => {
    // Ticks at 0, 7.3, 14.6, 21.9, 29.2 s: each shows the true time, not a count of ticks.
    for (const s of [0, 7.3, 14.6, 21.9, 29.2]) {
      expect(Math.abs(elapsedSeconds(started, at(s)) - s)).toBeLessThan(0.2);
    }
  });

  it('keeps the length once stopped, however late it is read', () => {
    const stopped = { ...started, stoppedAt: at(23.4) };
    expect(elapsedSeconds(stopped, at(500))).toBeCloseTo(23.4, 5);
    expect(timerPhase(stopped, at(500))).toBe('stopped');
  });
});
