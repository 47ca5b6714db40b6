import { useEffect } from 'react';
import { useTabCall } from '@/lib/hooks/tab-call';
import { usePhoneDisplay } from './phone-display';

/** What the dialer says is happening: a call on (voicemail timer at hand), or a call just
 *  ended (the outcome buttons come into view and take focus; the rep still clicks once). */
export function CallPrompt({ tabId, name }: { tabId: number | undefined; name: string }) {
  const call = useTabCall(tabId);
  const showPhone = usePhoneDisplay();
  const ended = call?.state === 'ended';
  useEffect(() => {
    if (!ended) return;
    const first = document.querySelector<HTMLButtonElement>('[aria-label="Log outcome"] button');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }, [ended]);
  if (!call) return null;
  const who = call.name ?? (call.phone && showPhone(call.phone)) ?? name;
  return (
    <p role="status" className={`call-prompt ${call.state}`}>
      {call.state === 'ringing' && `Calling ${who}…`}
      {call.state === 'active' &&
        `On a call with ${who}. Going to voicemail? Start the timer (Alt+Shift+V).`}
      {ended && `Call with ${who} ended. How did it go? Log the outcome (keys 1–7).`}
    </p>
  );
}
