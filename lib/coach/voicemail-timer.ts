import type { VoicemailTimerState } from '../model';

/** A voicemail stays under 30 seconds: name, company, reason, and when you will call again. */
export const VOICEMAIL_LIMIT_SECONDS = 30;
/** From here on the rep should be closing. */
const VOICEMAIL_WARNING_SECONDS = 10;

type TimerPhase = 'running' | 'warning' | 'over' | 'stopped';

/** Seconds spoken so far, from timestamps only: a throttled page that ticks late still
 *  shows the true time. */
export function elapsedSeconds(state: VoicemailTimerState, now: number): number {
  return Math.max(0, ((state.stoppedAt ?? now) - state.startedAt) / 1000);
}

export function remainingSeconds(state: VoicemailTimerState, now: number): number {
  return Math.max(0, VOICEMAIL_LIMIT_SECONDS - elapsedSeconds(state, now));
}

export function timerPhase(state: VoicemailTimerState, now: number): TimerPhase {
  if (state.stoppedAt !== undefined) return 'stopped';
  const left = remainingSeconds(state, now);
  if (left <= 0) return 'over';
  return left <= VOICEMAIL_WARNING_SECONDS ? 'warning' : 'running';
}

/** "0:27": whole seconds left, rounded up so 0:00 shows only when time is really up. */
export function clockText(seconds: number): string {
  const whole = Math.ceil(seconds - 1e-9);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
