// Contacts from a CRM's CSV export, merged the way a CRM page merges what it shows (lib/db/
// contacts: by CRM identity, then email, then phone), a chunk of rows at a time: the stored
// contacts a chunk could meet are read with three index queries, its rows are merged in memory
// (a later row meets the contact an earlier row made), and progress is reported after it.
// The preview is that plan in a read-only transaction. The import is the plan and the writes of
// the contacts that change in ONE read-write transaction: every row or none.
import type { Table } from 'dexie';
import type { Contact, ContactSnapshot } from '../model';
import { database } from './schema';
import { contactFromSnapshot, mergeSnapshot } from './contacts';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { writeInChunks } from './chunked-write';
import type { CsvContact } from '../transfer/crm-contacts';
import { noChanges, type ChangeCounts, type ImportProgress } from '../transfer/changes';
import { sameContent } from '../transfer/merge';

/** Rows merged between two progress reports (and two rounds of index queries). */
export const CSV_CHUNK = 1000;
/** Read every stored contact at once when there are at most this many per row of the file. */
const WHOLE_TABLE_RATIO = 2;

export interface CsvImportOptions {
  /** The time stamped on contacts added or changed. */
  now?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops a preview a newer column mapping has made pointless (checked after each chunk). */
  signal?: AbortSignal;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

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

/** A contact without a CRM record, as the rep would type them in (lib/db/contacts). */
function contactByHand(row: CsvContact, now: number): Contact {
  const email = row.emails[0]?.trim();
  const phone = row.phones[0]?.trim();
  return {
    id: crypto.randomUUID(),
    name: row.name.trim(),
    emails: email ? [normalizeEmail(email)] : [],
    phones: phone ? [normalizePhone(phone)] : [],
    company: row.company?.trim() || undefined,
    title: row.title?.trim() || undefined,
    ...(row.timeZone ? { timeZone: row.timeZone } : {}),
    identities: [],
    identityKeys: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Values → the contact an index lookup's `.first()` finds: the lowest id holding it. */
class FirstById {
  private readonly ids = new Map<string, string>();
  add(value: string, id: string): void {
    const held = this.ids.get(value);
    if (held === undefined || id < held) this.ids.set(value, id);
  }
  get(value: string | undefined): string | undefined {
    return value ? this.ids.get(value) : undefined;
  }
}

interface CsvPlan {
  counts: ChangeCounts;
  /** Contacts to add or update. */
  writes: Contact[];
}

/** What the rows change, read from the database; nothing written. Call inside a transaction
 *  on contacts. */
async function planContactsCsv(
  contacts: Table<Contact, string>,
  rows: readonly CsvContact[],
  { now = Date.now(), onProgress, signal }: CsvImportOptions,
): Promise<CsvPlan> {
  const known = new Map<string, Contact>();
  const original = new Map<string, Contact | null>();
  const byKey = new FirstById();
  const byEmail = new FirstById();
  const byPhone = new FirstById();
  const index = (contact: Contact) => {
    contact.identityKeys.forEach((k) => byKey.add(k, contact.id));
    contact.emails.forEach((e) => byEmail.add(e, contact.id));
    contact.phones.forEach((p) => byPhone.add(p, contact.id));
  };
  const asked = { keys: new Set<string>(), emails: new Set<string>(), phones: new Set<string>() };
  const notAsked = (values: string[], seen: Set<string>) => {
    const fresh = unique(values).filter((v) => !seen.has(v));
    fresh.forEach((v) => seen.add(v));
    return fresh;
  };
  const remember = (contact: Contact) => {
    if (known.has(contact.id)) return;
    known.set(contact.id, contact);
    original.set(contact.id, contact);
    index(contact);
  };
  // A file about as big as the stored contacts meets most of them: one read of the table beats
  // a lookup per row. A few rows against many contacts look up only what they hold.
  const wholeTable = (await contacts.count()) <= WHOLE_TABLE_RATIO * rows.length;
  if (wholeTable) (await contacts.toArray()).forEach(remember);
  /** Every stored contact holding a value of the chunk's rows (values asked before were
   *  loaded then, and what changed since is in memory). */
  const load = async (chunk: readonly CsvContact[]) => {
    if (wholeTable) return;
    const keys = chunk.flatMap((r) => (r.recordId ? [identityKey(r.site, r.recordId)] : []));
    const emails = chunk.flatMap((r) => (r.emails[0] ? [normalizeEmail(r.emails[0])] : []));
    const phones = chunk.flatMap((r) => (r.phones[0] ? [normalizePhone(r.phones[0])] : []));
    // One request per value, all in flight together (anyOf would walk a cursor, one step
    // at a time).
    const query = (indexName: string, values: string[]) =>
      values.map((value) => contacts.where(indexName).equals(value).toArray());
    const found = await Promise.all([
      ...query('identityKeys', notAsked(keys, asked.keys)),
      ...query('emails', notAsked(emails.filter(Boolean), asked.emails)),
      ...query('phones', notAsked(phones.filter(Boolean), asked.phones)),
    ]);
    found.flat().forEach(remember);
  };
  /** The contact the page would find for this row: by CRM identity, then email, then phone. */
  const find = (row: CsvContact) => {
    const viaKey = row.recordId ? byKey.get(identityKey(row.site, row.recordId)) : undefined;
    if (viaKey) return { contact: known.get(viaKey)!, by: 'identity' as const };
    const viaEmail = byEmail.get(row.emails[0] && normalizeEmail(row.emails[0]));
    if (viaEmail) return { contact: known.get(viaEmail)!, by: 'email' as const };
    const viaPhone = byPhone.get(row.phones[0] && normalizePhone(row.phones[0]));
    if (viaPhone) return { contact: known.get(viaPhone)!, by: 'phone' as const };
    return undefined;
  };
  const touched = new Set<string>();
  const merge = (row: CsvContact): Contact => {
    const snapshot = snapshotOf(row);
    const found = find(row);
    if (row.recordId) {
      if (found?.by === 'identity') {
        // The export has no page link: keep the one learnt from the page.
        const key = identityKey(snapshot.site, snapshot.recordId);
        snapshot.url =
          found.contact.identities.find((i) => identityKey(i.site, i.recordId) === key)?.url ?? '';
      }
      return found
        ? mergeSnapshot(found.contact, snapshot, found.by === 'identity', now)
        : contactFromSnapshot(snapshot, now);
    }
    if (!found) return contactByHand(row, now);
    // A row without a record id adds no CRM identity.
    const merged = mergeSnapshot(found.contact, snapshot, false, now);
    return {
      ...merged,
      identities: found.contact.identities,
      identityKeys: found.contact.identityKeys,
    };
  };

  const total = rows.length;
  onProgress?.({ phase: 'checking', done: 0, total });
  for (let start = 0; start < total; start += CSV_CHUNK) {
    const chunk = rows.slice(start, start + CSV_CHUNK);
    await load(chunk);
    for (const row of chunk) {
      let contact = merge(row);
      const moreEmails = row.emails.slice(1).map(normalizeEmail);
      const morePhones = row.phones.slice(1).map((p) => normalizePhone(p));
      if (moreEmails.length || morePhones.length) {
        contact = {
          ...contact,
          emails: unique([...contact.emails, ...moreEmails]),
          phones: unique([...contact.phones, ...morePhones]),
        };
      }
      if (!original.has(contact.id)) original.set(contact.id, null);
      known.set(contact.id, contact);
      index(contact);
      touched.add(contact.id);
    }
    onProgress?.({ phase: 'checking', done: start + chunk.length, total });
    signal?.throwIfAborted();
  }

  const counts = noChanges();
  const writes: Contact[] = [];
  for (const id of touched) {
    const before = original.get(id);
    const after = known.get(id)!;
    if (!before) {
      counts.add++;
      writes.push(after);
    } else if (sameContent({ ...before, updatedAt: 0 }, { ...after, updatedAt: 0 })) {
      counts.unchanged++;
    } else {
      counts.update++;
      writes.push(after);
    }
  }
  return { counts, writes };
}

/** What importing these CSV rows would add, update and leave unchanged. Nothing is written. */
export async function previewContactsCsv(
  rows: readonly CsvContact[],
  options: CsvImportOptions = {},
): Promise<ChangeCounts> {
  const db = database();
  // An async scope: Dexie then keeps the transaction through the plan's native awaits.
  const plan = await db.transaction('r', db.contacts, async (tx) =>
    planContactsCsv(tx.table<Contact, string>('contacts'), rows, options),
  );
  return plan.counts;
}

/** Merges the CSV's contacts in, all in one transaction: all rows or none. Notes nothing. */
export async function importContactsCsv(
  rows: readonly CsvContact[],
  options: CsvImportOptions = {},
): Promise<ChangeCounts> {
  const db = database();
  const { onProgress } = options;
  return db.transaction('rw', db.contacts, async (tx) => {
    // The transaction's own table (see lib/db/transfer): every read and write lands in it.
    const contacts = tx.table<Contact, string>('contacts');
    const plan = await planContactsCsv(contacts, rows, options);
    const total = plan.writes.length;
    let done = 0;
    onProgress?.({ phase: 'writing', done, total });
    await writeInChunks(contacts, plan.writes, (written) => {
      done += written;
      onProgress?.({ phase: 'writing', done, total });
    });
    return plan.counts;
  });
}
