import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { allOrCause, describeWriteError } from '@/lib/db/errors';
import { IMPORT_CHUNK, writeInChunks } from '@/lib/db/chunked-write';

const abortEcho = () =>
  new Dexie.AbortError('The transaction was aborted', new DOMException('x', 'AbortError'));
const full = () => new DOMException('The disk is full.', 'QuotaExceededError');

describe('requests sent together', () => {
  it('give their results in order when all succeed', async () => {
    await expect(allOrCause([Promise.resolve(1), Promise.resolve('two'), false])).resolves.toEqual([
      1,
      'two',
      false,
    ]);
  });

  it('report the cause, not the abort it set off in the requests before it', async () => {
    // The requests issued before the failing one hear of the abort first.
    const echo = Promise.reject(abortEcho());
    const cause = new Promise((_, reject) => setTimeout(() => reject(full()), 5));
    const error = await allOrCause([echo, cause]).catch((e: unknown) => e);
    expect(describeWriteError(error)).toMatch(/out of storage space/);
  });

  it('see through a bulk write whose every failure is the abort', async () => {
    const bulkEcho = Promise.reject(
      new Dexie.BulkError('tasks.bulkPut(): 1 of 1 operations failed', [abortEcho()]),
    );
    const cause = new Promise((_, reject) => setTimeout(() => reject(full()), 5));
    const error = await allOrCause([bulkEcho, cause]).catch((e: unknown) => e);
    expect(describeWriteError(error)).toMatch(/out of storage space/);
  });

  it('report an abort when nothing else went wrong', async () => {
    const error = await allOrCause([Promise.reject(abortEcho()), Promise.resolve(1)]).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('an import written in chunks', () => {
  it('says the disk is full when a later chunk hit it, not that an earlier one was aborted', async () => {
    let call = 0;
    const table = {
      bulkAdd: () => {
        call += 1;
        // Chunk 1 hears of the abort first; chunk 2 is the one the disk refused.
        return call === 1
          ? new Promise((_, reject) => setTimeout(() => reject(abortEcho()), 1))
          : new Promise((_, reject) => setTimeout(() => reject(full()), 5));
      },
      bulkPut: () => Promise.resolve(),
    };
    const rows = Array.from({ length: 2 * IMPORT_CHUNK }, (_, i) => ({ id: i }));
    const error = await writeInChunks(table, rows, () => undefined, 'add').catch((e: unknown) => e);
    expect(describeWriteError(error)).toMatch(/out of storage space/);
  });
});
