// The outcome click's transaction, sent to IndexedDB directly. Through Dexie each request's
// result travels back to the page before the transaction may commit; here the reads that
// check the panel's view and the writes decided from it go out together, with the commit right
// behind them, so the click costs one trip to the database (lib/bench compares it with a
// single put). Dexie's live queries are told a task later, on Dexie's own channel.
import { RangeSet, type ObservabilitySet } from 'dexie';
import type { Attempt, Contact, Task } from '../model';
import type { SecondCallDb } from './schema';

/** What one outcome writes. */
export interface OutcomeWrites {
  attempt: Attempt;
  task: Task | null;
  /** The open follow-ups it closes, written back as done. */
  closing: readonly Task[];
  /** The contact with its new status, when the outcome changes it. */
  contact?: Contact;
}

/** The records as they were stored when the writes went out (read first, in the same
 *  transaction), to tell whether the view the outcome was decided from was current. */
export interface StoredBefore {
  contact: Contact | undefined;
  /** The contact's attempts, oldest first. */
  attemptIds: string[];
  /** Each closing follow-up as stored; undefined when it is gone. */
  closing: (Task | undefined)[];
}

const TABLES = ['contacts', 'attempts', 'tasks'] as const;

/** Commits `writes` in one strict transaction and answers what was stored before them. All of
 *  it or none: a failed write (a full disk) aborts the transaction and rejects with its cause. */
export async function commitOutcomeWrites(
  db: SecondCallDb,
  writes: OutcomeWrites,
): Promise<StoredBefore> {
  if (!db.isOpen()) await db.open();
  const stored = await new Promise<StoredBefore>((resolve, reject) => {
    const tx = db.backendDB().transaction([...TABLES], 'readwrite', { durability: 'strict' });
    const contacts = tx.objectStore('contacts');
    const attempts = tx.objectStore('attempts');
    const tasks = tx.objectStore('tasks');
    tx.onabort = () =>
      reject(tx.error ?? new DOMException('The write was cancelled.', 'AbortError'));
    try {
      const id = writes.attempt.contactId;
      // Each read's result is kept as it succeeds, and the answer waits for those and for the
      // commit: IndexedDB fires the successes first, but nothing here depends on that order.
      const before: StoredBefore = { contact: undefined, attemptIds: [], closing: [] };
      let reads = 0;
      let committed = false;
      const settle = () => {
        if (committed && reads === 0) resolve(before);
      };
      const read = <T>(request: IDBRequest, keep: (result: T) => void) => {
        reads += 1;
        request.onsuccess = () => {
          keep(request.result as T);
          reads -= 1;
          settle();
        };
      };
      read<Contact | undefined>(contacts.get(id), (contact) => (before.contact = contact));
      read<string[]>(
        attempts
          .index('[contactId+at]')
          .getAllKeys(IDBKeyRange.bound([id, -Infinity], [id, Infinity])),
        (ids) => (before.attemptIds = ids),
      );
      writes.closing.forEach((task, i) =>
        read<Task | undefined>(tasks.get(task.id), (stored) => (before.closing[i] = stored)),
      );
      for (const task of writes.closing) tasks.put({ ...task, status: 'done' });
      if (writes.contact) contacts.put(writes.contact);
      attempts.add(writes.attempt);
      if (writes.task) tasks.add(writes.task);
      tx.oncomplete = () => {
        committed = true;
        settle();
      };
      tx.commit();
    } catch (error) {
      // A request refused on the spot (a full disk, a value that cannot be stored), or the
      // transaction already aborted: nothing of it may stay, and the cause is what the rep reads.
      try {
        tx.abort();
      } catch {
        // Already aborted.
      }
      reject(tx.error ?? error);
    }
  });
  tellLiveQueriesSoon(db, TABLES);
  return stored;
}

/** The channel Dexie (4.x) posts on when one of its transactions commits, to tell the live
 *  queries of every page of the extension, this one included, to drop what they cached and
 *  read again. Its name is Dexie's: tests/unit/db/outcome-from-panel.test.ts fails if it moves. */
const DEXIE_CHANNEL = 'x-storagemutated-1';
let channel: BroadcastChannel | undefined;

/** The parts of the database written but not yet told about. */
let untold: ObservabilitySet | undefined;

/** Every live query reading these tables runs again, a task after the commit: the rep's click
 *  is answered first (posting costs about 0.1 ms). A page going away tells at once. */
function tellLiveQueriesSoon(db: SecondCallDb, tables: readonly string[]): void {
  if (!untold) {
    setTimeout(tellNow, 0);
    globalThis.addEventListener?.('pagehide', tellNow, { once: true });
  }
  untold = { ...untold, ...wholeTables(db, tables) };
}

function tellNow(): void {
  if (!untold) return;
  channel ??= new BroadcastChannel(DEXIE_CHANNEL);
  channel.postMessage(untold);
  untold = undefined;
  globalThis.removeEventListener?.('pagehide', tellNow);
}

/** All of these tables: a click writes a handful of records, and the queries that read them
 *  are the ones on screen. */
function wholeTables(db: SecondCallDb, tables: readonly string[]): ObservabilitySet {
  const parts: ObservabilitySet = {};
  const everything = () => new RangeSet(-Infinity, [[[]]]);
  for (const table of db.tables) {
    if (!tables.includes(table.name)) continue;
    parts[`idb://${db.name}/${table.name}/`] = everything();
    for (const index of table.schema.indexes) {
      if (index.name) parts[`idb://${db.name}/${table.name}/${index.name}`] = everything();
    }
  }
  return parts;
}
