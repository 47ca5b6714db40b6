// Contacts from a CRM's CSV export, joined the way a CRM page joins what it shows (one rule,
// lib/db/identity-match: CRM identity, then email, then phone; a weaker key never joins two
// people, a shared key joins no one), a chunk of rows at a time: the stored contacts a chunk
// could meet are read with three index queries, its rows are merged in memory (a later row
// meets the contact an earlier row made), and progress is reported after it. Each join by an
// email or a phone is listed for the preview, where the rep may refuse it (the row is then
// its own contact), and noted on the contact for Split.
// The preview is that plan in a read-only transaction. The import is the plan and the writes of
// the contacts that change in ONE read-write transaction: every row or none.
import type { Table } from 'dexie';
import type { CsvApart, CsvJoin } from '../transfer/import-messages';
import type { Contact, ContactSnapshot } from '../model';
import { database } from './schema';
import { contactFromSnapshot, mergeSnapshot, recordMerge, storableContact } from './contacts';
import { LIST_LIMITS, capList } from '../model/limits';
import { matchIdentity, type KeyIndex, type Seen } from './identity-match';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { writeInChunks } from './chunked-write';
import type { CsvContact } from '../transfer/crm-contacts';
import { noChanges, type ChangeCounts, type ImportProgress } from '../transfer/changes';
import { sameContent } from '../transfer/merge';

/** Rows merged between two progress reports (and two rounds of index queries). */
export const CSV_CHUNK = 1000;
/** Read every stored contact at once when there are at most this many per row of the file. */
const WHOLE_TABLE_RATIO = 2;

interface CsvImportOptions {
  /** The time stamped on contacts added or changed. */
  now?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops a preview a newer column mapping has made pointless (checked after each chunk). */
  signal?: AbortSignal;
  /** Lines of rows whose join the rep refused: each is added as its own contact. */
  refused?: readonly number[];
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

/** The row's keys, normalised, for the decision (lib/db/identity-match). */
function seenOfRow(row: CsvContact): Seen {
  const email = row.emails[0] ? normalizeEmail(row.emails[0]) : '';
  const phone = row.phones[0] ? normalizePhone(row.phones[0]) : '';
  return {
    name: row.name,
    ...(row.recordId ? { identityKey: identityKey(row.site, row.recordId) } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
}

/** The row's second and later addresses and numbers, kept beside the first. */
function withMore(contact: Contact, row: CsvContact): Contact {
  const moreEmails = row.emails.slice(1).map(normalizeEmail);
  const morePhones = row.phones.slice(1).map((p) => normalizePhone(p));
  if (!moreEmails.length && !morePhones.length) return contact;
  return {
    ...contact,
    emails: capList(unique([...contact.emails, ...moreEmails]), LIST_LIMITS.emails),
    phones: capList(unique([...contact.phones, ...morePhones]), LIST_LIMITS.phones),
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

/** Values → every contact holding them. */
class Holders {
  private readonly ids = new Map<string, Set<string>>();
  add(value: string, id: string): void {
    let held = this.ids.get(value);
    if (!held) this.ids.set(value, (held = new Set()));
    held.add(id);
  }
  get(value: string): Iterable<string> {
    return this.ids.get(value) ?? [];
  }
}

interface CsvPlanSummary {
  counts: ChangeCounts;
  joins: CsvJoin[];
  apart: CsvApart[];
}

interface CsvPlan extends CsvPlanSummary {
  /** Contacts to add or update. */
  writes: Contact[];
}

/** What the rows change, read from the database; nothing written. Call inside a transaction
 *  on contacts. */
async function planContactsCsv(
  contacts: Table<Contact, string>,
  rows: readonly CsvContact[],
  { now = Date.now(), onProgress, signal, refused = [] }: CsvImportOptions,
): Promise<CsvPlan> {
  const known = new Map<string, Contact>();
  const original = new Map<string, Contact | null>();
  const byKey = new Holders();
  const byEmail = new Holders();
  const byPhone = new Holders();
  const index = (contact: Contact) => {
    contact.identityKeys.forEach((k) => byKey.add(k, contact.id));
    contact.emails.forEach((e) => byEmail.add(e, contact.id));
    contact.phones.forEach((p) => byPhone.add(p, contact.id));
  };
  const indexes = { identity: byKey, email: byEmail, phone: byPhone };
  const holdersOf = (which: KeyIndex, value: string) =>
    [...indexes[which].get(value)].map((id) => known.get(id)!);
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
    const seen = chunk.map(seenOfRow);
    const keys = seen.flatMap((r) => (r.identityKey ? [r.identityKey] : []));
    const emails = seen.flatMap((r) => (r.email ? [r.email] : []));
    const phones = seen.flatMap((r) => (r.phone ? [r.phone] : []));
    // One request per value, all in flight together (anyOf would walk a cursor, one step
    // at a time).
    const query = (indexName: string, values: string[]) =>
      values.map((value) => contacts.where(indexName).equals(value).toArray());
    const found = await Promise.all([
      ...query('identityKeys', notAsked(keys, asked.keys)),
      ...query('emails', notAsked(emails, asked.emails)),
      ...query('phones', notAsked(phones, asked.phones)),
    ]);
    found.flat().forEach(remember);
  };
  const refusedLines = new Set(refused);
  /** Which row made each contact new from this file. */
  const madeBy = new Map<string, number>();
  const joins: CsvJoin[] = [];
  const apart: CsvApart[] = [];
  /** The row as a contact of its own. */
  const alone = (row: CsvContact): Contact =>
    row.recordId ? contactFromSnapshot(snapshotOf(row), now) : contactByHand(row, now);
  /** The contact the page would make of this row, by the rules of lib/db/identity-match. */
  const merge = (row: CsvContact): Contact => {
    const snapshot = snapshotOf(row);
    const match = matchIdentity(seenOfRow(row), holdersOf);
    if (match.kind === 'several') {
      apart.push({
        line: row.line,
        name: row.name,
        key: match.by,
        value: seenOfRow(row)[match.by]!,
        why: 'several',
      });
    } else if (match.kind === 'none' && match.apart) {
      const { by, value, why } = match.apart;
      apart.push({ line: row.line, name: row.name, key: by, value, why });
    }
    if (match.kind !== 'same') return withMore(alone(row), row);
    const found = match.contact;
    if (match.by === 'identity') {
      // The export has no page link: keep the one learnt from the page.
      const key = identityKey(snapshot.site, snapshot.recordId);
      snapshot.url =
        found.identities.find((i) => identityKey(i.site, i.recordId) === key)?.url ?? '';
      return withMore(mergeSnapshot(found, snapshot, true, now), row);
    }
    let merged = mergeSnapshot(found, snapshot, false, now);
    // A row without a record id adds no CRM identity.
    if (!row.recordId) {
      merged = { ...merged, identities: found.identities, identityKeys: found.identityKeys };
    }
    const value = seenOfRow(row)[match.by]!;
    const joined = recordMerge(
      found,
      withMore(merged, row),
      { key: match.by, value, name: row.name },
      now,
    );
    // A row that brings nothing new is already here: nothing to list or refuse.
    if (joined.merges === found.merges) return joined;
    const refusedJoin = refusedLines.has(row.line);
    joins.push({
      line: row.line,
      name: row.name,
      key: match.by,
      value,
      into: found.name,
      ...(madeBy.has(found.id) ? { intoLine: madeBy.get(found.id) } : {}),
      ...(refusedJoin ? { refused: true } : {}),
    });
    return refusedJoin ? withMore(alone(row), row) : joined;
  };

  const touched = new Set<string>();
  const total = rows.length;
  onProgress?.({ phase: 'checking', done: 0, total });
  for (let start = 0; start < total; start += CSV_CHUNK) {
    const chunk = rows.slice(start, start + CSV_CHUNK);
    await load(chunk);
    for (const row of chunk) {
      // The one shape every stored contact has: caps, known zone, links https on their site.
      const contact = storableContact(merge(row));
      if (!original.has(contact.id)) {
        original.set(contact.id, null);
        madeBy.set(contact.id, row.line);
      }
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
  return { counts, joins, apart, writes };
}

/** What importing these CSV rows would add, update and leave unchanged, with each join by
 *  email or phone and each row kept apart, and why. Nothing is written. */
export async function planCsvImport(
  rows: readonly CsvContact[],
  options: CsvImportOptions = {},
): Promise<CsvPlanSummary> {
  const db = database();
  // An async scope: Dexie then keeps the transaction through the plan's native awaits.
  const { counts, joins, apart } = await db.transaction('r', db.contacts, async (tx) =>
    planContactsCsv(tx.table<Contact, string>('contacts'), rows, options),
  );
  return { counts, joins, apart };
}

/** What importing these CSV rows would add, update and leave unchanged. Nothing is written. */
export async function previewContactsCsv(
  rows: readonly CsvContact[],
  options: CsvImportOptions = {},
): Promise<ChangeCounts> {
  return (await planCsvImport(rows, options)).counts;
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
