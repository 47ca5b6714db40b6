import { describe, expect, it } from 'vitest';
import { voicemailLength } from '../../../lib/coach/voicemail-length';

const START = Date.parse('2026-05-06T14:00:00Z');
const s = (seconds: number) => START + seconds * 1000;

describe('the voicemail length logged with the outcome', () => {
  it('a stopped timer is a measurement, kept as it is, even over the limit', () => {
    expect(voicemailLength({ startedAt: START, stoppedAt: s(21.4) }, s(300))).toBe(21);
    expect(voicemailLength({ startedAt: START, stoppedAt: s(52) }, s(300))).toBe(52);
  });

  it('a running timer counts up to the click while the click comes soon after 0:30', () => {
    expect(voicemailLength({ startedAt: START }, s(24))).toBe(24);
    expect(voicemailLength({ startedAt: START }, s(38))).toBe(38);
  });

  it('a timer left running counts at most 45 s: over the limit, but not a two-minute voicemail', () => {
    expect(voicemailLength({ startedAt: START }, s(45))).toBe(45);
    expect(voicemailLength({ startedAt: START }, s(130))).toBe(45);
    expect(voicemailLength({ startedAt: START }, s(3600))).toBe(45);
  });

  it('no timer, no length', () => {
    expect(voicemailLength(undefined, s(10))).toBeUndefined();
  });
});
