// The rep's data in and out of the database: export everything, preview an import, and write
// it all or nothing.
//
// All or nothing: an import is ONE read-write transaction. Inside it the plan is read (what is
// stored under the file's ids, identities and emails), then the new records are written with
// bulkAdd and the changed ones with bulkPut, in chunks of IMPORT_CHUNK (lib/db/chunked-write),
// reporting progress after each chunk. A plan made for the preview against an empty database
// stands for the import when the database is still empty (a fresh profile being restored). The transaction stays alive because each await is an IndexedDB request
// (never a timer). Any failure — a quota error, a thrown progress callback, a closed tab or
// worker — aborts the transaction and IndexedDB restores every table as it was. No undo log.
//
// The Data page runs these in a Web Worker (lib/db/import-session, lib/db/import.worker), so
// reading, checking and writing a 50,000-record file never blocks the page.
//
// Merge by id, never a duplicate: a record whose id is stored is merged with it (lib/transfer/
// merge). A contact whose id is not stored but whose CRM identity is (the same person first
// seen on a page in this browser) is merged INTO that stored contact: the stored id stays and
// the file's notes, calls, tasks and plan of that contact are moved to it. Never by an email
// or a phone, and never two contacts of the file into one: a backup restores exactly the
// contacts it holds.
import { browser } from 'wxt/browser';
import type { Table, Transaction } from 'dexie';
import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { database } from './schema';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { noteWords } from './note-words';
import { IMPORT_CHUNK, writeInChunks } from './chunked-write';
import { resolveReferences } from './import-references';
import { BACKUP_TABLES, makeBackup, type Backup, type BackupTables } from '../transfer/backup';
import {
  emptyImportCounts,
  type ChangeCounts,
  type ImportCounts,
  type ImportProgress,
} from '../transfer/changes';
import {
  mergeAttempt,
  mergeContacts,
  mergeNote,
  mergePlan,
  mergeSettings,
  mergeTask,
  sameContent,
} from '../transfer/merge';
import { tableCsv, type CsvTable } from '../transfer/table-csv';
import { WriteRefused } from './errors';

export { IMPORT_CHUNK };
/** browser.storage.local key of the last export's time (epoch ms). Kept out of IndexedDB so
 *  a backup never carries, nor an import overwrites, when the last backup was made. */
export const LAST_BACKUP_KEY = 'lastBackupAt';

function allTables() {
  const db = database();
  return [db.contacts, db.notes, db.attempts, db.tasks, db.plans, db.settings];
}

/** The tables of one transaction. Every read and write of an import goes through these, so
 *  it lands in that transaction whatever the async code in between (a plain `db.notes` would
 *  fall into a transaction of its own if Dexie lost track of the scope across native awaits). */
function tablesOf(tx: Transaction) {
  return {
    contacts: tx.table<Contact, string>('contacts'),
    notes: tx.table<Note, string>('notes'),
    attempts: tx.table<Attempt, string>('attempts'),
    tasks: tx.table<Task, string>('tasks'),
    plans: tx.table<CallPlan, string>('plans'),
    settings: tx.table<RepSettings, string>('settings'),
  };
}
type ImportTables = ReturnType<typeof tablesOf>;

/** Everything stored, read in one transaction so the tables agree with one another. */
export async function exportEverything(now = Date.now()): Promise<Backup> {
  const db = database();
  const tables = await db.transaction('r', allTables(), async () => {
    const [contacts, notes, attempts, tasks, plans, settings] = await Promise.all([
      db.contacts.toArray(),
      db.notes.toArray(),
      db.attempts.toArray(),
      db.tasks.toArray(),
      db.plans.toArray(),
      db.settings.toArray(),
    ]);
    return { contacts, notes, attempts, tasks, plans, settings };
  });
  return makeBackup(tables, new Date(now), db.verno);
}

/** One table as CSV text (no BOM; the download adds one for spreadsheets). */
export async function exportTableCsv(table: CsvTable): Promise<string> {
  const db = database();
  const records = await db.transaction('r', allTables(), async () => {
    const read = <T>(name: CsvTable, all: () => Promise<T[]>) => (table === name ? all() : []);
    const [contacts, notes, attempts, tasks, plans, settings] = await Promise.all([
      db.contacts.toArray(),
      read('notes', () => db.notes.toArray()),
      read('attempts', () => db.attempts.toArray()),
      read('tasks', () => db.tasks.toArray()),
      read('plans', () => db.plans.toArray()),
      read('settings', () => db.settings.toArray()),
    ]);
    return { contacts, notes, attempts, tasks, plans, settings };
  });
  return tableCsv(table, records);
}

interface ImportPreview {
  counts: ImportCounts;
  /** Contacts of the file that are already stored under another id (found by CRM record)
   *  and are merged into the stored contact. */
  mergedContacts: number;
  /** References to records neither in the file nor stored, dropped (lib/db/import-references). */
  droppedReferences: number;
  /** Why the file cannot be imported as it is, when a record would belong to no contact. */
  problem?: string;
}

interface ImportPlan extends ImportPreview {
  /** Records new to the database: written with add, which need not look for a record to
   *  replace (a put does, for the live views). */
  adds: BackupTables;
  /** Stored records the file changes: written with put. */
  updates: BackupTables;
}

interface Writes<T> {
  adds: T[];
  updates: T[];
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Same spellings the page writes: emails lower-cased, phones E.164, keys from identities,
 *  so an older backup (schema 1–2) lands in today's shape. */
function cleanContact(contact: Contact): Contact {
  return {
    ...contact,
    emails: unique(contact.emails.map(normalizeEmail).filter(Boolean)),
    phones: unique(contact.phones.map((p) => normalizePhone(p)).filter(Boolean)),
    identityKeys: unique(contact.identities.map((i) => identityKey(i.site, i.recordId))),
  };
}

/** Counts each touched key as add / update / unchanged and returns what must be written. */
function tally<T>(
  counts: ChangeCounts,
  keys: Iterable<string>,
  original: ReadonlyMap<string, T>,
  final: ReadonlyMap<string, T>,
): Writes<T> {
  const writes: Writes<T> = { adds: [], updates: [] };
  for (const key of keys) {
    const before = original.get(key);
    const after = final.get(key)!;
    if (before === undefined) {
      counts.add++;
      writes.adds.push(after);
    } else if (sameContent(before, after)) {
      counts.unchanged++;
    } else {
      counts.update++;
      writes.updates.push(after);
    }
  }
  return writes;
}

interface Readable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
  limit(n: number): { primaryKeys(): Promise<unknown[]> };
}

/** One key read: `count()` walks the whole table on disk. */
async function isEmpty(table: Pick<Readable<unknown>, 'limit'>): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length === 0;
}

async function allEmpty(tables: ImportTables): Promise<boolean> {
  return (await Promise.all(Object.values(tables).map(isEmpty))).every(Boolean);
}

/** A backup's plan made against an empty database (a fresh profile being restored): when
 *  its import finds the database still empty, the plan is the same, so it is not made twice. */
const plannedOnEmpty = new WeakMap<Backup, ImportPlan>();

/** Merges `incoming` with what is stored under the same key; returns the records to write. */
async function planKeyed<T>(
  table: Readable<T>,
  incoming: readonly T[],
  keyOf: (record: T) => string,
  merge: (stored: T, incoming: T) => T,
  counts: ChangeCounts,
): Promise<Writes<T>> {
  const original = new Map<string, T>();
  // An empty table (a fresh browser profile) has nothing to merge with: no need to ask.
  if (incoming.length > 0 && !(await isEmpty(table))) {
    const keys = unique(incoming.map(keyOf));
    (await table.bulkGet(keys)).forEach((r) => r && original.set(keyOf(r), r));
  }
  const current = new Map(original);
  const touched = new Set<string>();
  for (const record of incoming) {
    const key = keyOf(record);
    const stored = current.get(key);
    current.set(key, stored ? merge(stored, record) : record);
    touched.add(key);
  }
  return tally(counts, touched, original, current);
}

/** The records of a backup, all tables together: what "checking" counts up to. */
function recordsIn(tables: BackupTables): number {
  return BACKUP_TABLES.reduce((n, t) => n + tables[t].length, 0);
}

/**
 * What the file changes, read from the database; nothing written. Call inside a transaction.
 * `onChecked` hears how many of the file's records have been compared so far, table by table.
 */
async function planImport(
  db: ImportTables,
  backup: Backup,
  onChecked?: (records: number) => void,
): Promise<ImportPlan> {
  const counts = emptyImportCounts();
  let checked = 0;
  const tableDone = (records: number) => {
    checked += records;
    onChecked?.(checked);
  };
  onChecked?.(0);

  const incoming = backup.contacts.map(cleanContact);
  const original = new Map<string, Contact>();
  const keep = (c: Contact | undefined) => c && original.set(c.id, c);
  if (incoming.length > 0 && !(await isEmpty(db.contacts))) {
    (await db.contacts.bulkGet(incoming.map((c) => c.id))).forEach(keep);
    const keys = unique(incoming.flatMap((c) => c.identityKeys));
    if (keys.length) (await db.contacts.where('identityKeys').anyOf(keys).toArray()).forEach(keep);
  }

  // A backup restores exactly the contacts it holds: each meets the stored contact of its own
  // id, else the stored contact of its CRM record — never one by an email or a phone (two
  // people may share info@), and never another contact of the same backup.
  const byKey = new Map<string, string>();
  for (const c of original.values()) {
    for (const k of c.identityKeys) if (!byKey.has(k)) byKey.set(k, c.id);
  }
  const claimed = new Set(incoming.map((c) => c.id).filter((id) => original.has(id)));
  const current = new Map(original);
  const remap = new Map<string, string>();
  const touched = new Set<string>();
  for (const contact of incoming) {
    let target = original.has(contact.id) ? contact.id : undefined;
    if (!target) {
      target = contact.identityKeys.map((k) => byKey.get(k)).find((id) => id && !claimed.has(id));
      if (target) claimed.add(target);
    }
    const stored = target ? current.get(target) : undefined;
    const merged = stored ? mergeContacts(stored, contact) : contact;
    if (target && target !== contact.id) remap.set(contact.id, target);
    current.set(merged.id, merged);
    touched.add(merged.id);
  }
  const mergedContacts = [...remap.values()].filter((id) => original.has(id)).length;
  const contacts = tally(counts.contacts, touched, original, current);
  tableDone(incoming.length);

  const moved = <T extends { contactId: string }>(r: T): T => {
    const to = remap.get(r.contactId);
    return to ? { ...r, contactId: to } : r;
  };
  const resolved = await resolveReferences(db, new Set(current.keys()), {
    notes: backup.notes.map(moved),
    attempts: backup.attempts.map(moved),
    tasks: backup.tasks.map(moved),
    plans: backup.plans.map(moved),
  });
  if (!resolved.ok) return refusedPlan(resolved.problem);
  const incomingOf = resolved.records;
  const notes = await planKeyed(
    db.notes,
    incomingOf.notes.map((n) => ({ ...n, words: noteWords(n.text) })),
    (n) => n.id,
    mergeNote,
    counts.notes,
  );
  tableDone(backup.notes.length);
  const attempts = await planKeyed(
    db.attempts,
    incomingOf.attempts,
    (a) => a.id,
    mergeAttempt,
    counts.attempts,
  );
  tableDone(backup.attempts.length);
  const tasks = await planKeyed(db.tasks, incomingOf.tasks, (t) => t.id, mergeTask, counts.tasks);
  tableDone(backup.tasks.length);
  const plans = await planKeyed(
    db.plans,
    incomingOf.plans,
    (p) => p.contactId,
    mergePlan,
    counts.plans,
  );
  tableDone(backup.plans.length);
  const settings = await planKeyed(
    db.settings,
    backup.settings,
    (s) => s.id,
    mergeSettings,
    counts.settings,
  );
  tableDone(backup.settings.length);
  const tables = { contacts, notes, attempts, tasks, plans, settings };
  const part = (which: keyof Writes<unknown>) =>
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t][which]])) as unknown as BackupTables;
  return {
    counts,
    mergedContacts,
    droppedReferences: resolved.dropped,
    adds: part('adds'),
    updates: part('updates'),
  };
}

/** A plan that writes nothing, for a file refused as a whole. */
function refusedPlan(problem: string): ImportPlan {
  const none = () =>
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupTables;
  return {
    counts: emptyImportCounts(),
    mergedContacts: 0,
    droppedReferences: 0,
    problem,
    adds: none(),
    updates: none(),
  };
}

/** What the rep reads of a plan: its counts, and why it is refused if it is. */
function previewOf(plan: ImportPlan): ImportPreview {
  const { counts, mergedContacts, droppedReferences, problem } = plan;
  return problem === undefined
    ? { counts, mergedContacts, droppedReferences }
    : { counts, mergedContacts, droppedReferences, problem };
}

/** Progress of the "checking" phase: records of the file compared with what is stored. */
function checking(
  backup: Backup,
  onProgress: ((progress: ImportProgress) => void) | undefined,
): ((records: number) => void) | undefined {
  const total = recordsIn(backup);
  return onProgress && ((done) => onProgress({ phase: 'checking', done, total }));
}

/** What importing `backup` would add, update and leave unchanged. Nothing is written. */
export async function previewImport(
  backup: Backup,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportPreview> {
  const db = database();
  // An async scope: Dexie then keeps the transaction through the plan's native awaits.
  const plan = await db.transaction('r', allTables(), async (tx) => {
    const tables = tablesOf(tx);
    const planned = await planImport(tables, backup, checking(backup, onProgress));
    if (await allEmpty(tables)) plannedOnEmpty.set(backup, planned);
    return planned;
  });
  return previewOf(plan);
}

/**
 * Writes `backup` into the database, merged by id, in one transaction (see the top of this
 * file): either every record is written or, on any failure, none is. `onProgress` hears the
 * check (the plan is made again inside this transaction, so nothing written since the
 * preview is lost), then the writes: before the first chunk and after each one. If it
 * throws, the import is rolled back.
 */
export async function importBackup(
  backup: Backup,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportPreview> {
  const db = database();
  return db.transaction('rw', allTables(), async (tx) => {
    const t = tablesOf(tx);
    const previewed = plannedOnEmpty.get(backup);
    const plan =
      previewed && (await allEmpty(t))
        ? previewed
        : await planImport(t, backup, checking(backup, onProgress));
    plannedOnEmpty.delete(backup);
    // Refused in the preview too; checked again in case the database changed since.
    if (plan.problem !== undefined)
      throw new WriteRefused({ kind: 'file-refused', problem: plan.problem });
    const total = recordsIn(plan.adds) + recordsIn(plan.updates);
    let done = 0;
    const report = () => onProgress?.({ phase: 'writing', done, total });
    report();
    const written = (n: number) => {
      done += n;
      report();
    };
    for (const name of BACKUP_TABLES) {
      const table = t[name] as Table<unknown, string>;
      await writeInChunks(table, plan.adds[name], written, 'add');
      await writeInChunks(table, plan.updates[name], written, 'put');
    }
    return previewOf(plan);
  });
}

// --- Storage ----------------------------------------------------------------------------------

export interface StorageUse {
  /** Bytes this extension's origin uses (IndexedDB and the rest). */
  usage: number;
  /** Bytes the browser would let it use. */
  quota: number;
}

/** The browser's estimate of the space used, or undefined when it gives none. */
export async function storageEstimate(): Promise<StorageUse | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return undefined;
  const { usage, quota } = await storage.estimate();
  return usage === undefined || quota === undefined ? undefined : { usage, quota };
}

/** When the rep last exported a backup (epoch ms), or undefined if never. */
export async function lastBackupAt(): Promise<number | undefined> {
  const stored = (await browser.storage.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY];
  return typeof stored === 'number' ? stored : undefined;
}

export async function rememberBackup(at = Date.now()): Promise<void> {
  await browser.storage.local.set({ [LAST_BACKUP_KEY]: at });
}
