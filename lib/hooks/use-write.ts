import { useCallback, useEffect, useRef, useState } from 'react';
import { describeWriteError } from '../db/errors';

interface WriteOptions<T> {
  /** Runs once the write is stored, only while the component is on screen: what the screen
   *  changes on success (close the form, say "Saved."). What a store must learn goes inside
   *  `write` instead: the store outlives the screen. */
  onDone?: (result: T) => void;
  /** The rep's words for a failure when they are not a save's (an export): by default
   *  `describeWriteError`, the one place a failed write becomes words. */
  words?: (error: unknown) => string;
}

interface Write {
  /** Runs `write` unless one is already running (a double click, a held key: ignored, and
   *  resolves undefined). Resolves the write's result, or undefined when it failed; the failure
   *  is in `error`, in the rep's words. */
  run: <T>(write: () => Promise<T>, options?: WriteOptions<T>) => Promise<T | undefined>;
  /** A write is running: its buttons are disabled. */
  busy: boolean;
  /** Why the last write failed, for `<WriteError message={error} />`; cleared by the next
   *  success. */
  error: string | undefined;
  clearError: () => void;
}

/**
 * The one way a component writes: busy while the write runs, a second run ignored meanwhile,
 * the rep-facing error set on failure and cleared on success, and no state set once the
 * component has left the screen (the rep closed the form mid-write).
 *
 * Not React 19's useActionState: it queues a second dispatch behind the first instead of
 * ignoring it (a double click would log an outcome twice), runs only inside a transition, and
 * keeps one state per action where a screen here has several writes sharing one busy flag.
 */
export function useWrite(): Write {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The flag a second click reads synchronously: `busy` is only seen after the next render.
  const running = useRef(false);
  const onScreen = useRef(true);
  useEffect(() => {
    onScreen.current = true;
    return () => {
      onScreen.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(write: () => Promise<T>, options?: WriteOptions<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        const result = await write();
        if (onScreen.current) {
          setError(undefined);
          options?.onDone?.(result);
        }
        return result;
      } catch (failure) {
        if (onScreen.current) setError((options?.words ?? describeWriteError)(failure));
        return undefined;
      } finally {
        running.current = false;
        if (onScreen.current) setBusy(false);
      }
    },
    [],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
