import { useEffect, useState } from 'react';

const SHOW_COPIED_MS = 2000;

/** Copies text for pasting into an email or a dialer's notes; says when it worked, and what to
 *  do when the browser refuses the clipboard. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), SHOW_COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy-control">
      <button type="button" className="copy" onClick={() => void copy()} aria-label={label}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? 'Copied to the clipboard.' : ''}
      </span>
      {state === 'failed' && (
        <span role="alert" className="write-error">
          Not copied: the browser refused the clipboard. Select the text and press Ctrl+C (⌘C on a
          Mac).
        </span>
      )}
    </span>
  );
}
