import { useRef } from 'react';
import {
  VOICEMAIL_LIMIT_SECONDS,
  clockText,
  remainingSeconds,
  timerPhase,
} from '@/lib/coach/voicemail-timer';
import { startVoicemailTimer, stopVoicemailTimer } from '@/lib/messaging/voicemail-timers';
import { useTimerClock, useVoicemailTimer } from '@/lib/hooks/voicemail-timer';
import { useReservedSpace } from '@/lib/hooks/reserved-space';
import { FoldableSection } from './FoldableSection';
import type { Slot } from '@/lib/coach/suggest-ask';
import { momentLabel } from '@/lib/time/rep-clock';
import { ScriptText } from './ScriptText';

const PHASE_TEXT = {
  running: 'Leave your name, company, reason and when you will call again.',
  warning: '10 seconds left: say when you will call again.',
  over: 'Time is up: wrap up now.',
  stopped: 'Voicemail length kept for the outcome.',
};

/** A 30-second countdown with the voicemail script below it. While it runs (started from the
 *  panel, the page's shortcut or its overlay), the countdown is pinned to the top of the
 *  panel, wherever the panel is scrolled. */
export function VoicemailTimer({
  tabId,
  script,
  tryAgain,
  repZone,
}: {
  tabId: number | undefined;
  script: string;
  /** The time the script promises, said on the prospect's clock. */
  tryAgain?: Slot;
  repZone?: string;
}) {
  const state = useVoicemailTimer(tabId);
  const running = state !== undefined && state.stoppedAt === undefined;
  const now = useTimerClock(state);
  const phase = state ? timerPhase(state, now) : undefined;
  const left = state ? remainingSeconds(state, now) : VOICEMAIL_LIMIT_SECONDS;
  const bar = useRef<HTMLDivElement>(null);
  useReservedSpace(bar, '--top-bar', running);

  const button = running ? (
    <button type="button" onClick={() => tabId !== undefined && void stopVoicemailTimer(tabId)}>
      Stop voicemail timer
    </button>
  ) : (
    <button
      type="button"
      disabled={tabId === undefined}
      aria-keyshortcuts="Alt+Shift+V"
      onClick={() => tabId !== undefined && void startVoicemailTimer(tabId)}
    >
      Start voicemail timer
    </button>
  );
  return (
    <FoldableSection
      part="voicemail"
      title="Leaving a voicemail"
      className={`voicemail phase-${phase ?? 'idle'}`}
      headingId="voicemail-heading"
      alwaysOpen={state !== undefined}
      aside={state === undefined && button}
    >
      {state && (
        <div ref={bar} className={`voicemail-bar${running ? ' pinned' : ''}`}>
          <div role="timer" aria-label="Voicemail time left" className="clock">
            {clockText(left)}
          </div>
          <p className={`timer-phase ${phase}`} aria-live="polite">
            {phase && PHASE_TEXT[phase]}
          </p>
          {button}
        </div>
      )}
      <ScriptText text={script} />
      {tryAgain?.repLabel !== undefined && repZone !== undefined && (
        // The script speaks their clock; the rep reads theirs here, in the panel's one format.
        <p className="hint try-again-yours">
          “{tryAgain.prospectLabel}” is their time: {momentLabel(tryAgain.at, repZone)} for you.
        </p>
      )}
    </FoldableSection>
  );
}
