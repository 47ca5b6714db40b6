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
