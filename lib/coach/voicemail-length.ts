import { VOICEMAIL_LIMIT_SECONDS, elapsedSeconds } from './voicemail-timer';
import type { VoicemailTimerState } from '../model';

/**
 * How far past 0:30 a timer still running at the click may count. A stopped timer is a
 * measurement; a running one only says the voicemail ended somewhere before the click. At 0:00
 * the timer tells the rep to wrap up, so a voicemail that ran over ends within seconds; a timer
 * left running while the rep hung up and typed a note must not log a two-minute voicemail. The
 * cap is the top of the Insights bucket "31–45 s": still counted as over the limit, never as
 * "46 s+", which only timers the rep stopped can reach.
 */
const RUNNING_TIMER_GRACE_SECONDS = 15;

/** The voicemail's length in whole seconds to log with the outcome, or undefined without a timer. */
export function voicemailLength(
  timer: VoicemailTimerState | undefined,
  loggedAt: number,
): number | undefined {
  if (!timer) return undefined;
  const seconds = elapsedSeconds(timer, loggedAt);
  const counted =
    timer.stoppedAt === undefined
      ? Math.min(seconds, VOICEMAIL_LIMIT_SECONDS + RUNNING_TIMER_GRACE_SECONDS)
      : seconds;
  return Math.round(counted);
}
