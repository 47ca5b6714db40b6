// The data cases of issue 13: a switchboard CSV and a backup of two people sharing info@.
import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import {
  createContactByHand,
  findContactForSnapshot,
  upsertContactFromSnapshot,
} from '@/lib/db/contacts';
import { importContactsCsv, planCsvImport } from '@/lib/db/contacts-csv-import';
import { createImportSession } from '@/lib/db/import-session';
import { addNote } from '@/lib/db/notes';
import { exportEverything, importBackup, previewImport } from '@/lib/db/transfer';
import { BACKUP_SCHEMA, makeBackup, parseBackup, serializeBackup } from '@/lib/transfer/backup';
import { parseCsv } from '@/lib/transfer/csv';
import { contactsFromCsv, guessMapping, guessSource } from '@/lib/transfer/crm-contacts';
import type { ImportReport } from '@/lib/transfer/import-messages';
import { SWITCHBOARD_CSV } from './switchboard';

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const [header, ...rows] = parsed.rows;
  const source = guessSource(header!.cells);
  return contactsFromCsv(rows, guessMapping(header!.cells, source), source).contacts;
}

const record = (id: string) => ({ site: 'hubspot', recordId: id, url: '', name: '' });

describe('a contacts CSV with three people on one switchboard', () => {
  it('makes three contacts, says which row merged by which key, and why the others did not', async () => {
    const rows = rowsOf(SWITCHBOARD_CSV);
    const plan = await planCsvImport(rows, { now: 1000 });
    expect(plan.counts).toEqual({ add: 3, update: 0, unchanged: 0 });
    expect(plan.joins).toEqual([
      {
        line: 5,
        name: 'Dana Kim',
        key: 'email',
        value: 'dana@acme.example',
        into: 'Dana Kim',
        intoLine: 2,
      },
    ]);
    expect(plan.apart).toEqual([
      { line: 3, name: 'Eli Park', key: 'phone', value: '+14155550100', why: 'other-record' },
      { line: 4, name: 'Fay Ruiz', key: 'phone', value: '+14155550100', why: 'shared' },
    ]);

    await importContactsCsv(rows, { now: 1000 });
    expect(await database().contacts.count()).toBe(3);
    const dana = (await findContactForSnapshot(record('101')))!.contact;
    const eli = (await findContactForSnapshot(record('102')))!.contact;
    const fay = (await findContactForSnapshot(record('103')))!.contact;
    expect(new Set([dana.id, eli.id, fay.id]).size).toBe(3);
    expect(dana).toMatchObject({
      name: 'Dana Kim',
      emails: ['dana@acme.example'],
      phones: ['+14155550100', '+14155550199'],
      identityKeys: ['hubspot:101'],
    });
    expect(dana.merges).toEqual([
      {
        key: 'email',
        value: 'dana@acme.example',
        phones: ['+14155550199'],
        name: 'Dana Kim',
        at: 1000,
      },
    ]);
    expect(eli).toMatchObject({ name: 'Eli Park', emails: ['eli@acme.example'] });
    expect(fay).toMatchObject({ name: 'Fay Ruiz', emails: ['fay@acme.example'] });

    // Opening Eli's record does not show Dana's notes.
    await addNote(dana.id, 'other', 'Dana’s budget is Q3', 1100);
    expect(await database().notes.where('contactId').equals(eli.id).count()).toBe(0);
  });

  it('adds a row whose merge the rep refused as its own contact', async () => {
    const rows = rowsOf(SWITCHBOARD_CSV);
    const plan = await planCsvImport(rows, { now: 1000, refused: [5] });
    expect(plan.counts).toEqual({ add: 4, update: 0, unchanged: 0 });
    expect(plan.joins).toMatchObject([{ line: 5, refused: true }]);
    await importContactsCsv(rows, { now: 1000, refused: [5] });
    const danas = await database().contacts.where('emails').equals('dana@acme.example').toArray();
    expect(danas.map((c) => c.phones)).toEqual(
      expect.arrayContaining([['+14155550100'], ['+14155550199']]),
    );
    expect(danas.every((c) => !c.merges)).toBe(true);
  });

  it('the worker’s preview lists the merges, and its import keeps the refusal', async () => {
    const reports: ImportReport[] = [];
    const handle = createImportSession((r) => reports.push(r));
    await handle({
      type: 'open',
      file: new Blob([SWITCHBOARD_CSV]),
      fileName: 'acme.csv',
      now: 1000,
    });
    const first = reports.findLast((r) => r.type === 'csv-preview');
    expect(first).toMatchObject({
      preview: {
        counts: { add: 3 },
        joinCount: 1,
        joins: [{ line: 5, key: 'email' }],
        apartCount: 2,
      },
    });
    await handle({ type: 'refuse', seq: 1, refused: [5] });
    expect(reports.findLast((r) => r.type === 'csv-preview')).toMatchObject({
      preview: { seq: 1, counts: { add: 4 }, joins: [{ line: 5, refused: true }] },
    });
    await handle({ type: 'import', refused: [5] });
    expect(reports.at(-1)).toMatchObject({ type: 'imported', counts: { contacts: { add: 4 } } });
    expect(await database().contacts.count()).toBe(4);
  });
});

describe('a backup of two people created by hand who share info@', () => {
  it('restores both, each with their own notes', async () => {
    const ana = await createContactByHand({ name: 'Ana Ruiz', email: 'info@acme.example' }, 1000);
    const tom = await createContactByHand({ name: 'Tom Berg', email: 'info@acme.example' }, 1001);
    await addNote(ana.id, 'other', 'Ana prefers mornings', 1002);
    await addNote(tom.id, 'other', 'Tom is on leave in May', 1003);
    const backup = await exportEverything(2000);
    const db = database();
    await Promise.all(db.tables.map((t) => t.clear()));

    const text = serializeBackup(makeBackup(backup, new Date(2000), BACKUP_SCHEMA));
    expect(text).toContain('info@acme.example');
    expect((await previewImport(backup)).counts.contacts).toEqual({
      add: 2,
      update: 0,
      unchanged: 0,
    });
    await importBackup(backup);
    const contacts = await db.contacts.toArray();
    expect(contacts.map((c) => c.name).sort()).toEqual(['Ana Ruiz', 'Tom Berg']);
    const notesOf = async (id: string) =>
      (await db.notes.where('contactId').equals(id).toArray()).map((n) => n.text);
    expect(await notesOf(ana.id)).toEqual(['Ana prefers mornings']);
    expect(await notesOf(tom.id)).toEqual(['Tom is on leave in May']);
  });

  it('restoring into a profile that met one of them elsewhere merges by id or CRM record only', async () => {
    const tom = await createContactByHand({ name: 'Tom Berg', email: 'info@acme.example' }, 1000);
    const backup = await exportEverything(2000);
    const db = database();
    await Promise.all(db.tables.map((t) => t.clear()));
    // Here, Ana was stored first with the same address.
    await createContactByHand({ name: 'Ana Ruiz', email: 'info@acme.example' }, 3000);
    const preview = await previewImport(backup);
    expect(preview).toMatchObject({ mergedContacts: 0, counts: { contacts: { add: 1 } } });
    await importBackup(backup);
    expect((await db.contacts.get(tom.id))?.name).toBe('Tom Berg');
    expect(await db.contacts.count()).toBe(2);
  });
});

describe('a merge noted on a contact', () => {
  it('goes into the backup and comes back with it, so Split still works after a restore', async () => {
    const maria = await createContactByHand({ name: 'Maria Lopez', email: 'm@acme.example' }, 1);
    await upsertContactFromSnapshot(
      { site: 'hubspot', recordId: '501', url: '', name: 'Maria', email: 'm@acme.example' },
      2,
    );
    const text = serializeBackup(makeBackup(await exportEverything(3), new Date(3), BACKUP_SCHEMA));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.contacts[0]?.merges).toEqual([
      { key: 'email', value: 'm@acme.example', identity: 'hubspot:501', name: 'Maria', at: 2 },
    ]);
    const db = database();
    await Promise.all(db.tables.map((t) => t.clear()));
    await importBackup(parsed.backup);
    expect((await db.contacts.get(maria.id))?.merges).toHaveLength(1);
  });
});
