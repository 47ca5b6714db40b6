// The outcome click's transaction, sent to IndexedDB directly. Through Dexie each request's
// result travels back to the page before the transaction may commit, and the next request
// waits for it; here the reads that check the panel's view and the writes decided from it go
// out together, so the click costs about one trip to the database (scripts/bench compares it with
// a single put). The commit waits for the reads' answer: a stale view aborts the transaction,
// so nothing decided from it is ever seen by another page, even for a moment (another panel
// could close a follow-up that a take-back would then delete). Dexie's live queries are told a
// task later, on Dexie's own channel.
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

/** The records as they are stored when the writes go out (read first, in the same
 *  transaction), to tell whether the view the outcome was decided from is current. */
export interface StoredBefore {
  contact: Contact | undefined;
  /** The contact's attempts, oldest first. */
  attemptIds: string[];
  /** The contact's open follow-ups. */
  openTasks: Task[];
}

const TABLES = ['contacts', 'attempts', 'tasks'] as const;

/** What becomes of an outcome's writes: sent (not stored yet), committed, or dropped — refused
 *  (a full disk) or not current (then decided again from what is stored, through Dexie, which
 *  tells the live queries itself). */
type OutcomeWritesNews =
  { kind: 'sent'; writes: OutcomeWrites } | { kind: 'committed' | 'dropped'; attemptId: string };

const listeners = new Set<(news: OutcomeWritesNews) => void>();

/** Hears of every outcome this page sends, the moment it is sent: the panel shows it in the
 *  same frame as the click (lib/stores/pending-outcomes) instead of a database round trip and
 *  a live query's re-read later. Answers the way to stop listening. */
export function onOutcomeWrites(listener: (news: OutcomeWritesNews) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tell(news: OutcomeWritesNews): void {
  for (const listener of listeners) {
    try {
      listener(news);
    } catch {
      // A screen that cannot show it must not stop the write.
    }
  }
}

/** Commits `writes` in one strict transaction if `current` says the records stored before them
 *  are the ones they were decided from; answers whether it did. Not current: the transaction
 *  aborts and nothing of it is ever stored. All of it or none: a failed write (a full disk)
 *  aborts the transaction and rejects with its cause. */
export async function commitOutcomeWrites(
  db: SecondCallDb,
  writes: OutcomeWrites,
  current: (stored: StoredBefore) => boolean,
): Promise<boolean> {
  const attemptId = writes.attempt.id;
  tell({ kind: 'sent', writes });
  let committed = false;
  try {
    committed = await commitNow(db, writes, current);
  } finally {
    tell({ kind: committed ? 'committed' : 'dropped', attemptId });
  }
  if (committed) tellLiveQueriesSoon(db, TABLES);
  return committed;
}

async function commitNow(
  db: SecondCallDb,
  writes: OutcomeWrites,
  current: (stored: StoredBefore) => boolean,
): Promise<boolean> {
  if (!db.isOpen()) await db.open();
  return new Promise<boolean>((resolve, reject) => {
    const tx = db.backendDB().transaction([...TABLES], 'readwrite', { durability: 'strict' });
    const contacts = tx.objectStore('contacts');
    const attempts = tx.objectStore('attempts');
    const tasks = tx.objectStore('tasks');
    let stale = false;
    tx.onabort = () =>
      stale
        ? resolve(false)
        : reject(tx.error ?? new DOMException('The write was cancelled.', 'AbortError'));
    tx.oncomplete = () => resolve(true);
    try {
      const id = writes.attempt.contactId;
      // IndexedDB runs a transaction's requests in order, so the reads see the records as they
      // were before these writes, and nothing commits while the page still handles a request's
      // answer. The last read's answer decides: commit, or abort with nothing written.
      const before: StoredBefore = { contact: undefined, attemptIds: [], openTasks: [] };
      let reads = 0;
      const decide = () => {
        let isCurrent = false;
        try {
          isCurrent = current(before);
        } catch {
          // Cannot tell: decided again from what is stored, like a stale view.
        }
        try {
          if (isCurrent) tx.commit();
          else {
            stale = true;
            tx.abort();
          }
        } catch {
          // The transaction already aborted (a write failed): onabort says why.
        }
      };
      const read = <T>(request: IDBRequest, keep: (result: T) => void) => {
        reads += 1;
        request.onsuccess = () => {
          keep(request.result as T);
          reads -= 1;
          if (reads === 0) decide();
        };
      };
      read<Contact | undefined>(contacts.get(id), (contact) => (before.contact = contact));
      read<string[]>(
        attempts
          .index('[contactId+at]')
          .getAllKeys(IDBKeyRange.bound([id, -Infinity], [id, Infinity])),
        (ids) => (before.attemptIds = ids),
      );
      read<Task[]>(
        tasks.index('[contactId+status]').getAll([id, 'open']),
        (open) => (before.openTasks = open),
      );
      for (const task of writes.closing) tasks.put({ ...task, status: 'done' });
      if (writes.contact) contacts.put(writes.contact);
      attempts.add(writes.attempt);
      if (writes.task) tasks.add(writes.task);
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
}

/** The channel Dexie (4.x) posts on when one of its transactions commits, to tell the live
 *  queries of every page of the extension, this one included, to drop what they cached and
 *  read again, and the background that the follow-ups changed (lib/db/task-changes). Its name is Dexie's: tests/unit/db/outcome-from-panel.test.ts fails if it moves. */
const DEXIE_CHANNEL = 'x-storagemutated-1';
let channel: BroadcastChannel | undefined;

/** The parts of the database written but not yet told about. */
let untold: ObservabilitySet | undefined;

/** Every live query reading these tables runs again, a task after the commit: the rep's click
 *  is answered first, the screens showing these tables after. A page going away tells at once. */
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
