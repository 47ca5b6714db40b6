// The rep's data in and out of the database: export everything, preview an import, and write
// it all or nothing.
//
// All or nothing: an import is ONE read-write transaction. Inside it the plan is read (what is
// stored under the file's ids, identities and emails), then the records to add or update are
// written with bulkPut in chunks of IMPORT_CHUNK, awaiting each chunk and reporting progress
// after it. The transaction stays alive because each await is an IndexedDB request (never a
// timer), and the page stays responsive because the browser runs other tasks (rendering the
// progress bar included) while IndexedDB works on a chunk. Any failure — a quota error, a
// thrown progress callback, a closed tab — aborts the transaction and IndexedDB restores every
// table as it was. No undo log is needed.
//
// Merge by id, never a duplicate: a record whose id is stored is merged with it (lib/transfer/
// merge). A contact whose id is not stored but whose CRM identity or email is (the same person
// first seen on a page in this browser) is merged INTO that stored contact: the stored id
// stays and the file's notes, calls, tasks and plan of that contact are moved to it.
import { browser } from 'wxt/browser';
import type { Contact, ContactSnapshot } from '../model';
import { database } from './schema';
import {
  createContactByHand,
  findContactForSnapshot,
  mergeSnapshot,
  upsertContactFromSnapshot,
} from './contacts';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { noteWords } from './note-words';
import { BACKUP_TABLES, makeBackup, type Backup, type BackupTables } from '../transfer/backup';
import {
  emptyImportCounts,
  noChanges,
  type ChangeCounts,
  type ImportCounts,
  type ImportProgress,
} from '../transfer/changes';
import type { CsvContact } from '../transfer/crm-contacts';
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

/** Records written per bulkPut, with a progress report after each. */
export const IMPORT_CHUNK = 2000;
/** browser.storage.local key of the last export's time (epoch ms). Kept out of IndexedDB so
 *  a backup never carries, nor an import overwrites, when the last backup was made. */
export const LAST_BACKUP_KEY = 'lastBackupAt';

function allTables() {
  const db = database();
  return [db.contacts, db.notes, db.attempts, db.tasks, db.plans, db.settings];
}

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

export interface ImportPreview {
  counts: ImportCounts;
  /** Contacts of the file that are already stored under another id (found by CRM record or
   *  email) and are merged into the stored contact. */
  mergedContacts: number;
}

interface ImportPlan extends ImportPreview {
  writes: BackupTables;
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
): T[] {
  const writes: T[] = [];
  for (const key of keys) {
    const before = original.get(key);
    const after = final.get(key)!;
    if (before === undefined) {
      counts.add++;
      writes.push(after);
    } else if (sameContent(before, after)) {
      counts.unchanged++;
    } else {
      counts.update++;
      writes.push(after);
    }
  }
  return writes;
}

interface Readable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
}

/** Merges `incoming` with what is stored under the same key; returns the records to write. */
async function planKeyed<T>(
  table: Readable<T>,
  incoming: readonly T[],
  keyOf: (record: T) => string,
  merge: (stored: T, incoming: T) => T,
  counts: ChangeCounts,
): Promise<T[]> {
  const keys = incoming.map(keyOf);
  const original = new Map<string, T>();
  (await table.bulkGet(unique(keys))).forEach((r) => r && original.set(keyOf(r), r));
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

/** What the file changes, read from the database; nothing written. Call inside a transaction. */
async function planImport(backup: Backup): Promise<ImportPlan> {
  const db = database();
  const counts = emptyImportCounts();

  const incoming = backup.contacts.map(cleanContact);
  const original = new Map<string, Contact>();
  const keep = (c: Contact | undefined) => c && original.set(c.id, c);
  (await db.contacts.bulkGet(incoming.map((c) => c.id))).forEach(keep);
  const keys = unique(incoming.flatMap((c) => c.identityKeys));
  const emails = unique(incoming.flatMap((c) => c.emails));
  if (keys.length) (await db.contacts.where('identityKeys').anyOf(keys).toArray()).forEach(keep);
  if (emails.length) (await db.contacts.where('emails').anyOf(emails).toArray()).forEach(keep);

  const current = new Map(original);
  const byKey = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const index = (c: Contact) => {
    for (const k of c.identityKeys) if (!byKey.has(k)) byKey.set(k, c.id);
    for (const e of c.emails) if (!byEmail.has(e)) byEmail.set(e, c.id);
  };
  original.forEach(index);
  const remap = new Map<string, string>();
  const touched = new Set<string>();
  for (const contact of incoming) {
    // Same id first; then, as the page does, the same CRM record, then the same email.
    const target = current.has(contact.id)
      ? contact.id
      : (contact.identityKeys.map((k) => byKey.get(k)).find(Boolean) ??
        contact.emails.map((e) => byEmail.get(e)).find(Boolean));
    const merged = target ? mergeContacts(current.get(target)!, contact) : contact;
    if (target && target !== contact.id) remap.set(contact.id, target);
    current.set(merged.id, merged);
    index(merged);
    touched.add(merged.id);
  }
  const mergedContacts = [...remap.values()].filter((id) => original.has(id)).length;
  const contacts = tally(counts.contacts, touched, original, current);

  const moved = <T extends { contactId: string }>(r: T): T => {
    const to = remap.get(r.contactId);
    return to ? { ...r, contactId: to } : r;
  };
  const notes = await planKeyed(
    db.notes,
    backup.notes.map((n) => ({ ...moved(n), words: noteWords(n.text) })),
    (n) => n.id,
    mergeNote,
    counts.notes,
  );
  const attempts = await planKeyed(
    db.attempts,
    backup.attempts.map(moved),
    (a) => a.id,
    mergeAttempt,
    counts.attempts,
  );
  const tasks = await planKeyed(
    db.tasks,
    backup.tasks.map(moved),
    (t) => t.id,
    mergeTask,
    counts.tasks,
  );
  const plans = await planKeyed(
    db.plans,
    backup.plans.map(moved),
    (p) => p.contactId,
    mergePlan,
    counts.plans,
  );
  const settings = await planKeyed(
    db.settings,
    backup.settings,
    (s) => s.id,
    mergeSettings,
    counts.settings,
  );
  return {
    counts,
    mergedContacts,
    writes: { contacts, notes, attempts, tasks, plans, settings },
  };
}

/** What importing `backup` would add, update and leave unchanged. Nothing is written. */
export async function previewImport(backup: Backup): Promise<ImportPreview> {
  const db = database();
  const plan = await db.transaction('r', allTables(), () => planImport(backup));
  return { counts: plan.counts, mergedContacts: plan.mergedContacts };
}

interface Writable<T> {
  bulkPut(items: readonly T[]): Promise<unknown>;
}

/**
 * Writes `backup` into the database, merged by id, in one transaction (see the top of this
 * file): either every record is written or, on any failure, none is. `onProgress` is called
 * before the first chunk and after each one; if it throws, the import is rolled back.
 */
export async function importBackup(
  backup: Backup,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportPreview> {
  const db = database();
  return db.transaction('rw', allTables(), async () => {
    const plan = await planImport(backup);
    const total = BACKUP_TABLES.reduce((n, t) => n + plan.writes[t].length, 0);
    let done = 0;
    onProgress?.({ done, total });
    const write = async <T>(table: Writable<T>, rows: readonly T[]) => {
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        const chunk = rows.slice(i, i + IMPORT_CHUNK);
        await table.bulkPut(chunk);
        done += chunk.length;
        onProgress?.({ done, total });
      }
    };
    const w = plan.writes;
    await write(db.contacts, w.contacts);
    await write(db.notes, w.notes);
    await write(db.attempts, w.attempts);
    await write(db.tasks, w.tasks);
    await write(db.plans, w.plans);
    await write(db.settings, w.settings);
    return { counts: plan.counts, mergedContacts: plan.mergedContacts };
  });
}

// --- Contacts from a CRM's CSV export -------------------------------------------------------

function snapshotOf(row: CsvContact): ContactSnapshot {
  return {
    site: row.site,
    recordId: row.recordId ?? '',
    url: '',
    name: row.name,
    email: row.emails[0],
    phone: row.phones[0],
    company: row.company,
    title: row.title,
    timeZone: row.timeZone,
  };
}

/**
 * Merges each row into the stored contacts the way a CRM page does (lib/db/contacts: by CRM
 * identity, then email, then phone). A row with a record id becomes that CRM identity (its
 * page link is learnt when the rep opens the record); a row without one adds no identity.
 * Call inside a read-write transaction on contacts.
 */
async function applyContactsCsv(
  rows: readonly CsvContact[],
  now: number,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ChangeCounts> {
  const db = database();
  const original = new Map<string, Contact | null>();
  const total = rows.length;
  onProgress?.({ done: 0, total });
  for (let done = 1; done <= total; done++) {
    const row = rows[done - 1]!;
    const snapshot = snapshotOf(row);
    const found = await findContactForSnapshot(snapshot);
    if (found && !original.has(found.contact.id)) original.set(found.contact.id, found.contact);
    let contact: Contact;
    if (row.recordId) {
      if (found?.by === 'identity') {
        // The export has no page link: keep the one learnt from the page.
        const key = identityKey(snapshot.site, snapshot.recordId);
        snapshot.url =
          found.contact.identities.find((i) => identityKey(i.site, i.recordId) === key)?.url ?? '';
      }
      contact = await upsertContactFromSnapshot(snapshot, now);
    } else if (found) {
      const merged = mergeSnapshot(found.contact, snapshot, false, now);
      contact = {
        ...merged,
        identities: found.contact.identities,
        identityKeys: found.contact.identityKeys,
      };
      await db.contacts.put(contact);
    } else {
      contact = await createContactByHand(
        {
          name: row.name,
          email: snapshot.email,
          phone: snapshot.phone,
          company: row.company,
          title: row.title,
        },
        now,
      );
      if (row.timeZone) {
        contact = { ...contact, timeZone: row.timeZone };
        await db.contacts.put(contact);
      }
    }
    if (!original.has(contact.id)) original.set(contact.id, null);
    const moreEmails = row.emails.slice(1).map(normalizeEmail);
    const morePhones = row.phones.slice(1).map((p) => normalizePhone(p));
    if (moreEmails.length || morePhones.length) {
      await db.contacts.put({
        ...contact,
        emails: unique([...contact.emails, ...moreEmails]),
        phones: unique([...contact.phones, ...morePhones]),
      });
    }
    if (done % 250 === 0 || done === total) onProgress?.({ done, total });
  }
  const counts = noChanges();
  const ids = [...original.keys()];
  const after = await db.contacts.bulkGet(ids);
  ids.forEach((id, i) => {
    const before = original.get(id);
    if (!before) counts.add++;
    else if (sameContent({ ...before, updatedAt: 0 }, { ...after[i], updatedAt: 0 })) {
      counts.unchanged++;
    } else counts.update++;
  });
  return counts;
}

class PreviewRollback extends Error {
  constructor(readonly counts: ChangeCounts) {
    super('preview only');
  }
}

/**
 * What importing these CSV rows would add, update and leave unchanged, computed by running
 * the very same merge in a transaction that is then aborted: nothing is kept.
 */
export async function previewContactsCsv(
  rows: readonly CsvContact[],
  now = Date.now(),
): Promise<ChangeCounts> {
  const db = database();
  try {
    await db.transaction('rw', db.contacts, async () => {
      throw new PreviewRollback(await applyContactsCsv(rows, now));
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.counts;
    throw error;
  }
  throw new Error('The preview did not finish.');
}

/** Merges the CSV's contacts in, all in one transaction: all rows or none. Notes nothing. */
export async function importContactsCsv(
  rows: readonly CsvContact[],
  onProgress?: (progress: ImportProgress) => void,
  now = Date.now(),
): Promise<ChangeCounts> {
  const db = database();
  return db.transaction('rw', db.contacts, () => applyContactsCsv(rows, now, onProgress));
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
