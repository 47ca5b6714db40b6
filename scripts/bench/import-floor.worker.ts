// The import figure's floor (`npm run bench`): the backup's rows written straight with bulkAdd
// into empty tables, in a worker like the product's import, with no checks, merge or preview.
import { openDb } from '../../lib/db/schema';
import type { BackupTables } from '../../lib/transfer/backup';

const CHUNK = 5_000;

export interface FloorResult {
  parseMs: number;
  writeMs: number;
}

async function floor(file: Blob): Promise<FloorResult> {
  const parseStart = performance.now();
  const tables = JSON.parse(await file.text()) as BackupTables;
  const writeStart = performance.now();
  // Its own database, with the product's schema: the floor's rows never touch the import's.
  const db = openDb('second-call-bench-import-floor');
  const addAll = async <T>(
    table: { bulkAdd(rows: readonly T[]): Promise<unknown> },
    rows: readonly T[],
  ) => {
    for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
  };
  await addAll(db.contacts, tables.contacts);
  await addAll(db.notes, tables.notes);
  await addAll(db.attempts, tables.attempts);
  await addAll(db.tasks, tables.tasks);
  await addAll(db.plans, tables.plans);
  await db.settings.bulkPut(tables.settings);
  const done = performance.now();
  await db.delete();
  return { parseMs: writeStart - parseStart, writeMs: done - writeStart };
}

self.addEventListener('message', (event: MessageEvent<Blob>) => {
  void floor(event.data).then((result) => self.postMessage(result));
});
