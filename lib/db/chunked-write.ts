import { allOrCause } from './errors';

/** Records written per bulkPut, with a progress report after each. */
export const IMPORT_CHUNK = 2000;
/** Chunks handed to IndexedDB before the first of them is awaited: the next chunk is cloned
 *  while the database writes the one before, instead of each waiting for the other. */
const CHUNKS_IN_FLIGHT = 3;

interface Writable<T> {
  bulkPut(items: readonly T[]): Promise<unknown>;
  bulkAdd(items: readonly T[]): Promise<unknown>;
}

/**
 * Writes `rows` with bulkPut (or bulkAdd) in chunks of IMPORT_CHUNK inside the caller's transaction, and
 * calls `onChunk` with the number written after each chunk, in order. Every await is an
 * IndexedDB request, so the transaction stays alive; a failed chunk or a throwing `onChunk`
 * rejects, and the caller's transaction rolls everything back.
 */
export async function writeInChunks<T>(
  table: Writable<T>,
  rows: readonly T[],
  onChunk: (written: number) => void,
  /** 'add' for records known to be new (cheaper; a stored key fails the transaction). */
  how: 'add' | 'put' = 'put',
): Promise<void> {
  const pending: { size: number; done: Promise<unknown> }[] = [];
  const settleFirst = async () => {
    const first = pending.shift()!;
    try {
      await first.done;
    } catch {
      // A later chunk may be the cause (a full disk), this one only its echo.
      await allOrCause([first.done, ...pending.map((chunk) => chunk.done)]);
    }
    onChunk(first.size);
  };
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const chunk = rows.slice(i, i + IMPORT_CHUNK);
    const done = how === 'add' ? table.bulkAdd(chunk) : table.bulkPut(chunk);
    // A later chunk may fail while an earlier one is awaited: mark it handled here, it is
    // awaited (and its error thrown) in turn.
    done.catch(() => undefined);
    pending.push({ size: chunk.length, done });
    if (pending.length >= CHUNKS_IN_FLIGHT) await settleFirst();
  }
  while (pending.length > 0) await settleFirst();
}
