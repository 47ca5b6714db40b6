// The outcome click's floor: the very records the click writes, written with raw IndexedDB in
// one strict transaction and nothing else — no reads to check the panel's view, no planning —
// into a copy of the extension's contacts, attempts and tasks stores (same keys, same indexes,
// same rows). What the click costs above it is what our code adds to the writes the data
// model needs; a one-row put would count the number of stores and indexes instead.
import type { OutcomeWrites } from '../../lib/db/outcome-commit';

const TABLES = ['contacts', 'attempts', 'tasks'] as const;
const FLOOR_DB = 'second-call-bench-same-writes';

function request<T>(r: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** A database with the same three stores as `source` (keys and indexes copied from it), and
 *  the same rows in them. */
export async function openSameWritesFloor(source: IDBDatabase): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(FLOOR_DB));
  const open = indexedDB.open(FLOOR_DB, 1);
  open.onupgradeneeded = () => {
    const from = source.transaction([...TABLES], 'readonly');
    for (const name of TABLES) {
      const original = from.objectStore(name);
      const copy = open.result.createObjectStore(name, {
        keyPath: original.keyPath,
        autoIncrement: original.autoIncrement,
      });
      for (const indexName of original.indexNames) {
        const index = original.index(indexName);
        copy.createIndex(indexName, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
      }
    }
  };
  const floor = await request<IDBDatabase>(open);
  const read = source.transaction([...TABLES], 'readonly');
  const rows = await Promise.all(TABLES.map((name) => request(read.objectStore(name).getAll())));
  const write = floor.transaction([...TABLES], 'readwrite');
  TABLES.forEach((name, i) => {
    for (const row of rows[i] as object[]) write.objectStore(name).put(row);
  });
  await done(write);
  return floor;
}

/** Writes exactly what one outcome wrote (lib/db/outcome-commit's writes), in one strict
 *  transaction over the same stores. */
export function writeSame(floor: IDBDatabase, writes: OutcomeWrites): Promise<void> {
  const tx = floor.transaction([...TABLES], 'readwrite', { durability: 'strict' });
  const tasks = tx.objectStore('tasks');
  for (const task of writes.closing) tasks.put({ ...task, status: 'done' });
  if (writes.contact) tx.objectStore('contacts').put(writes.contact);
  tx.objectStore('attempts').add(writes.attempt);
  if (writes.task) tasks.add(writes.task);
  return done(tx);
}

export function closeSameWritesFloor(floor: IDBDatabase): Promise<void> {
  floor.close();
  return request(indexedDB.deleteDatabase(FLOOR_DB)).then(() => undefined);
}
