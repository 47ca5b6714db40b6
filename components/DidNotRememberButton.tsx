import { useState } from 'react';
import type { Attempt } from '@/lib/model';
import { setDidNotRemember } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';

/** After a conversation: one click says they did not remember the rep, so the next call
 *  opens by giving the context first. A second click takes it back. */
export function DidNotRememberButton({ attempt }: { attempt: Attempt }) {
  const [marked, setMarked] = useState(attempt.didNotRemember === true);
  const { run, busy, error } = useWrite();
  const toggle = () =>
    void run(() => setDidNotRemember(attempt.id, !marked), {
      onDone: () => setMarked(!marked),
    });
  return (
    <div className="did-not-remember">
      <button type="button" aria-pressed={marked} disabled={busy} onClick={toggle}>
        They didn&apos;t remember me
      </button>
      {marked && (
        <span role="status">
          Marked: the next call starts by reminding them when you spoke and what about.
        </span>
      )}
      <WriteError message={error} />
    </div>
  );
}
