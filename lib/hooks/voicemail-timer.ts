import { useEffect, useState } from 'react';
import type { VoicemailTimerState } from '../model';
import { remainingSeconds } from '../coach/voicemail-timer';
import { tabState } from '../messaging/tab-state';
import { useSessionValue } from './session-value';

/** The followed tab's voicemail timer, live. */
export function useVoicemailTimer(tabId: number | undefined): VoicemailTimerState | undefined {
  const timer = useSessionValue<VoicemailTimerState>(
    tabId === undefined ? undefined : tabState.voicemailTimer.key(tabId),
  );
  return timer.loading ? undefined : timer.value;
}

/** The clock a running timer is drawn with: it ticks only while there is time left to
 *  show, so a stopped or finished timer costs nothing. */
export function useTimerClock(state: VoicemailTimerState | undefined, everyMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!state || state.stoppedAt !== undefined) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (remainingSeconds(state, t) <= 0) clearInterval(timer);
    }, everyMs);
    return () => clearInterval(timer);
  }, [state, everyMs]);
  return now;
}
