import { isStorableDate } from '../model/limits';

/** A record a write needs that is not stored (any more): another panel, an undo or a repair
 *  removed it since the screen showed it. */
type GoneRecord =
  'contact' | 'stored-contact' | 'note' | 'follow-up' | 'attempt' | 'booked-meeting' | 'merge';

/** Why Undo of an outcome changes nothing. */
type UndoBlocked = 'closed-follow-up-gone' | 'later-outcome' | 'follow-up-done';

/** Every way `lib/db` refuses a write, with what the rep's words need. The throw site says
 *  which; `refusalWords` (below, the one place) says it to the rep. */
export type Refusal =
  | { kind: 'gone'; record: GoneRecord }
  | { kind: 'invalid-zone'; typed: string }
  | { kind: 'undatable'; what: string }
  | { kind: 'stale-undo'; why: UndoBlocked }
  | { kind: 'invalid-record'; record: 'settings' | 'contact'; problem: string }
  | { kind: 'empty'; field: 'note-text' | 'contact-name' }
  | { kind: 'no-date' }
  | { kind: 'file-refused'; problem: string }
  | { kind: 'call-needs-outcome' }
  | { kind: 'no-person-to-store'; why: 'shared-key' | 'nothing-on-page' };

/** A write `lib/db` refused, nothing written. Typed, so a screen decides what to show from
 *  `refusal`, never by reading a sentence; `message` holds the rep's words only for logs and
 *  tests. */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
  constructor(readonly refusal: Refusal) {
    super(refusalWords(refusal));
  }
}

const GONE_WORDS: Record<GoneRecord, string> = {
  contact: 'That contact no longer exists.',
  'stored-contact': 'That contact is no longer stored.',
  note: 'That note no longer exists.',
  'follow-up': 'That follow-up no longer exists.',
  attempt: 'That attempt no longer exists.',
  'booked-meeting': 'That booked meeting is no longer logged (was it undone?).',
  merge: 'This merge is no longer on the contact.',
};

const UNDO_WORDS: Record<UndoBlocked, string> = {
  'closed-follow-up-gone':
    'A follow-up this outcome closed no longer exists, so Undo cannot reopen it. Nothing was changed.',
  'later-outcome': 'A later outcome was logged for this contact since; undo that one first.',
  'follow-up-done':
    'The follow-up this outcome scheduled was done since (another outcome, or the queue), so Undo would lose that. Nothing was changed.',
};

/** The rep's words for each refusal: plain, specific, and what to do. */
function refusalWords(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'gone':
      return GONE_WORDS[refusal.record];
    case 'invalid-zone':
      return `“${refusal.typed}” is not a time zone. Pick one from the list, e.g. Europe/Paris.`;
    case 'undatable':
      return `${refusal.what} is not a date Second Call can keep. Pick one between 1970 and 2200.`;
    case 'stale-undo':
      return UNDO_WORDS[refusal.why];
    case 'invalid-record':
      return refusal.record === 'settings'
        ? `Your details cannot be saved${refusal.problem}`
        : `This contact cannot be stored${refusal.problem}`;
    case 'empty':
      return refusal.field === 'note-text' ? 'A note needs some text.' : 'A contact needs a name.';
    case 'file-refused':
      return refusal.problem;
    case 'no-date':
      return 'Pick a date and time.';
    case 'call-needs-outcome':
      return 'Log how the call went: a call is not done without an outcome.';
    case 'no-person-to-store':
      return refusal.why === 'shared-key'
        ? 'Pick one of the contacts who share this number.'
        : 'Nothing on the page to store.';
  }
}

/** `at` when a screen can show it (1970–2200, lib/model/limits); else the rep is told to pick
 *  another, and nothing is written (a date in the year 20000 would blank the queue). */
export function storableDate(at: number, what: string): number {
  if (isStorableDate(at)) return at;
  throw new WriteRefused({ kind: 'undatable', what });
}

/** What the rep reads when a write fails: the cause in plain words, never a stack trace. The
 *  one place a failed write becomes words (components reach it through lib/hooks/use-write). */
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
  if (error instanceof WriteRefused) return `Not saved: ${refusalWords(error.refusal)}`;
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
