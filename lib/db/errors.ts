import { isStorableDate } from '../model/limits';

/** `at` when a screen can show it (1970–2200, lib/model/limits); else the rep is told to pick
 *  another, and nothing is written (a date in the year 20000 would blank the queue). */
export function storableDate(at: number, what: string): number {
  if (isStorableDate(at)) return at;
  throw new Error(`${what} is not a date Second Call can keep. Pick one between 1970 and 2200.`);
}

/** What the rep reads when a write fails: the cause in plain words, never a stack trace. */
export function describeWriteError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner =
    error && typeof error === 'object' && 'inner' in error
      ? (error as { inner: unknown }).inner
      : undefined;
  const innerName = inner instanceof Error || inner instanceof DOMException ? inner.name : '';
  if (name === 'QuotaExceededError' || innerName === 'QuotaExceededError') {
    return 'Your browser is out of storage space, so nothing was saved. Free some space (or export and remove old data), then try again.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Not saved: ${message}`;
}

/** An AbortError, as such, as a Dexie error's inner error, or as every failure of a bulk
 *  operation (Dexie's BulkError). */
function isAbortEcho(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, inner, failures } = error as { name?: string; inner?: unknown; failures?: unknown };
  if (name === 'AbortError') return true;
  if (inner !== undefined && isAbortEcho(inner)) return true;
  return Array.isArray(failures) && failures.length > 0 && failures.every(isAbortEcho);
}

/**
 * Waits for requests of one transaction that were sent together. When one fails, the
 * transaction aborts and every request still pending fails too, with an AbortError that may
 * arrive first: the cause (a full disk…) is what is thrown, not its echo.
 */
export async function allOrCause<T extends readonly unknown[]>(
  requests: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(requests);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !isAbortEcho(e)) ?? failures[0];
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
