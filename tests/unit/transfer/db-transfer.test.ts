import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db/schema';
import { upsertContactFromSnapshot } from '@/lib/db/contacts';
import { describeWriteError } from '@/lib/db/errors';
import {
  IMPORT_CHUNK,
  LAST_BACKUP_KEY,
  exportEverything,
  exportTableCsv,
  importBackup,
  lastBackupAt,
  previewImport,
  rememberBackup,
  storageEstimate,
} from '@/lib/db/transfer';
import {
  BACKUP_SCHEMA,
  BACKUP_TABLES,
  makeBackup,
  parseBackup,
  serializeBackup,
  type Backup,
  type BackupTables,
} from '@/lib/transfer/backup';
import { parseCsv } from '@/lib/transfer/csv';
import { CSV_TABLES, type CsvTable } from '@/lib/transfer/table-csv';
import type { ImportProgress } from '@/lib/transfer/changes';
import { attempt, jane, manyTables, note, plan, rep, sampleTables, task } from './sample-data';

async function store(tables: BackupTables): Promise<void> {
  const db = database();
  await db.transaction(
    'rw',
    [db.contacts, db.notes, db.attempts, db.tasks, db.plans, db.settings],
    async () => {
      await db.contacts.bulkPut(tables.contacts);
      await db.notes.bulkPut(tables.notes);
      await db.attempts.bulkPut(tables.attempts);
      await db.tasks.bulkPut(tables.tasks);
      await db.plans.bulkPut(tables.plans);
      await db.settings.bulkPut(tables.settings);
    },
  );
}

async function everything(): Promise<BackupTables> {
  const { contacts, notes, attempts, tasks, plans, settings } = await exportEverything();
  return { contacts, notes, attempts, tasks, plans, settings };
}

/** Empties the database, as a fresh browser profile would have it. */
async function freshDatabase(): Promise<void> {
  const db = database();
  await Promise.all(db.tables.map((t) => t.clear()));
}

function backupOf(tables: BackupTables): Backup {
  return makeBackup(tables, new Date(), BACKUP_SCHEMA);
}

/** Export → file text → parse, as the Data page does. */
async function exportedFile(): Promise<Backup> {
  const parsed = parseBackup(serializeBackup(await exportEverything()));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.backup;
}

const none = { add: 0, update: 0, unchanged: 0 };

describe('export and import', () => {
  it('declares the schema the backup format reads', () => {
    expect(database().verno).toBe(BACKUP_SCHEMA);
  });

  it('round trip: export, then import into an empty database, gives the same data', async () => {
    await store(sampleTables());
    const before = await everything();
    const file = await exportedFile();
    expect(file.schema).toBe(BACKUP_SCHEMA);
    await freshDatabase();
    expect((await everything()).contacts).toEqual([]);

    const preview = await previewImport(file);
    expect(await everything()).toEqual({
      contacts: [],
      notes: [],
      attempts: [],
      tasks: [],
      plans: [],
      settings: [],
    });
    expect(preview.counts).toEqual({
      contacts: { add: 2, update: 0, unchanged: 0 },
      notes: { add: 1, update: 0, unchanged: 0 },
      attempts: { add: 1, update: 0, unchanged: 0 },
      tasks: { add: 2, update: 0, unchanged: 0 },
      plans: { add: 1, update: 0, unchanged: 0 },
      settings: { add: 1, update: 0, unchanged: 0 },
    });
    const result = await importBackup(file);
    expect(result).toEqual(preview);
    expect(await everything()).toEqual(before);
    // Indexes work on what was imported: the page finds Jane by her CRM record, notes by word.
    expect(await database().contacts.where('identityKeys').equals('hubspot:51234501').count()).toBe(
      1,
    );
    expect(await database().notes.where('words').equals('orders').count()).toBe(1);
  });

  it('restoring into an empty browser checks the file once, and again only if it changed', async () => {
    const phases = () => {
      const seen = new Set<string>();
      return { seen, report: (p: ImportProgress) => seen.add(p.phase) };
    };
    // Fresh profile: the preview's check stands for the write.
    const file = backupOf(sampleTables());
    await previewImport(file);
    const quiet = phases();
    await importBackup(file, quiet.report);
    expect([...quiet.seen]).toEqual(['writing']);
    expect(await database().contacts.count()).toBe(2);

    // Something was written between the preview and the import (the rep opened Jane's page
    // in another tab): the write checks again and merges, losing neither.
    await freshDatabase();
    const again = backupOf(sampleTables());
    await previewImport(again);
    await database().contacts.put({ ...jane, title: 'COO', updatedAt: jane.updatedAt + 1 });
    const busy = phases();
    await importBackup(again, busy.report);
    expect([...busy.seen]).toEqual(['checking', 'writing']);
    expect(await database().contacts.count()).toBe(2);
    expect((await database().contacts.get(jane.id))?.title).toBe('COO');
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const file = backupOf(sampleTables());
    await importBackup(file);
    const once = await everything();
    const again = await previewImport(file);
    expect(again.counts.contacts).toEqual({ add: 0, update: 0, unchanged: 2 });
    expect(again.counts.notes).toEqual({ add: 0, update: 0, unchanged: 1 });
    await importBackup(file);
    expect(await everything()).toEqual(once);
    expect(await database().contacts.count()).toBe(2);
  });

  it('merges a contact already here under another id instead of duplicating them', async () => {
    // The rep opened Jane's HubSpot record in this browser before importing.
    const here = await upsertContactFromSnapshot(
      {
        site: 'hubspot',
        recordId: '51234501',
        url: jane.identities[0]!.url,
        name: 'Jane Doe',
        email: 'JANE.DOE@northwind.example',
        phone: '+1 415 555 0177',
      },
      1_600_000_000_000,
    );
    expect(here.id).not.toBe(jane.id);
    const file = backupOf(sampleTables());
    const preview = await previewImport(file);
    expect(preview.mergedContacts).toBe(1);
    expect(preview.counts.contacts).toEqual({ add: 1, update: 1, unchanged: 0 });
    await importBackup(file);

    const contacts = await database().contacts.toArray();
    expect(contacts.map((c) => c.name).sort()).toEqual(['Jane Doe', 'Marco Rossi']);
    const merged = (await database().contacts.get(here.id))!;
    expect(merged.phones).toEqual(['+14155550177', '+14155550142']);
    expect(merged.company).toBe('Northwind Traders');
    expect(merged.identityKeys).toEqual(['hubspot:51234501']);
    expect(merged.createdAt).toBe(1_600_000_000_000);
    // Her notes, calls, follow-ups and plan now belong to the contact the page finds.
    expect((await database().notes.get(note.id))?.contactId).toBe(here.id);
    expect((await database().attempts.get(attempt.id))?.contactId).toBe(here.id);
    expect((await database().tasks.get(task.id))?.contactId).toBe(here.id);
    expect((await database().plans.get(here.id))?.goal).toBe(plan.goal);
    expect(await database().plans.get(jane.id)).toBeUndefined();

    // And again: still no duplicate, nothing to change.
    const again = await previewImport(file);
    expect(again.counts.contacts).toEqual({ add: 0, update: 0, unchanged: 2 });
    expect(again.counts.notes).toEqual({ add: 0, update: 0, unchanged: 1 });
  });

  it('keeps what changed here since the backup: newer notes and plans, done tasks', async () => {
    const file = backupOf(sampleTables());
    await importBackup(file);
    await database().notes.update(note.id, {
      text: 'Edited after the backup',
      updatedAt: note.updatedAt + 1,
    });
    await database().tasks.update(task.id, { status: 'done' });
    await database().settings.put({ ...rep, repName: 'Someone else' });
    const preview = await previewImport(file);
    expect(preview.counts.notes).toEqual({ add: 0, update: 0, unchanged: 1 });
    expect(preview.counts.tasks).toEqual({ add: 0, update: 0, unchanged: 2 });
    expect(preview.counts.settings).toEqual({ add: 0, update: 1, unchanged: 0 });
    await importBackup(file);
    expect((await database().notes.get(note.id))?.text).toBe('Edited after the backup');
    expect((await database().tasks.get(task.id))?.status).toBe('done');
    expect((await database().settings.get('rep'))?.repName).toBe('Sam Reed');
  });

  it('a failure half-way leaves the database as it was', async () => {
    await store({ ...sampleTables(), contacts: [jane], notes: [], attempts: [], tasks: [] });
    const before = await everything();
    const big = manyTables(3 * IMPORT_CHUNK);
    const file = backupOf({
      ...big,
      contacts: [...big.contacts, { ...jane, name: 'Jane Changed', updatedAt: jane.updatedAt + 1 }],
    });

    // A progress callback that throws after the first chunk is written.
    const calls: ImportProgress[] = [];
    await expect(
      importBackup(file, (p) => {
        if (p.phase !== 'writing') return;
        calls.push(p);
        if (p.done > 0) throw new Error('tab closed');
      }),
    ).rejects.toThrow('tab closed');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.done).toBeGreaterThan(0);
    expect(calls[1]!.done).toBeLessThan(calls[1]!.total);
    expect(await everything()).toEqual(before);

    // A write the database refuses part-way (the notes, after every contact was written).
    const db = database();
    const refuse = () => {
      throw new Dexie.QuotaExceededError('out of space');
    };
    db.notes.hook('creating', refuse);
    try {
      const error: unknown = await importBackup(file).catch((e: unknown) => e);
      expect(describeWriteError(error)).toMatch(/^Your browser is out of storage space/);
    } finally {
      db.notes.hook('creating').unsubscribe(refuse);
    }
    expect(await everything()).toEqual(before);
    expect(await db.contacts.count()).toBe(1);
  });

  it('imports 50,000 records with progress after every chunk and the right counts', async () => {
    const tables = manyTables(50_000);
    const file = backupOf(tables);
    const all: ImportProgress[] = [];
    const result = await importBackup(file, (p) => all.push({ ...p }));
    // The file is checked again inside the write's transaction, table by table, then written.
    const checking = all.filter((p) => p.phase === 'checking');
    expect(checking[0]).toEqual({ phase: 'checking', done: 0, total: 50_000 });
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: 50_000, total: 50_000 });
    expect(all.indexOf(checking.at(-1)!)).toBe(checking.length - 1);
    const progress = all.filter((p) => p.phase === 'writing');
    expect(result.counts.contacts).toEqual({ ...none, add: tables.contacts.length });
    expect(result.counts.notes).toEqual({ ...none, add: tables.notes.length });
    expect(result.counts.attempts).toEqual({ ...none, add: tables.attempts.length });
    expect(result.counts.tasks).toEqual({ ...none, add: tables.tasks.length });
    expect(progress[0]).toEqual({ phase: 'writing', done: 0, total: 50_000 });
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: 50_000, total: 50_000 });
    expect(progress.length).toBeGreaterThanOrEqual(50_000 / IMPORT_CHUNK + 1);
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1]!.done)).toBe(true);
    const db = database();
    expect(await db.contacts.count()).toBe(tables.contacts.length);
    expect(await db.notes.count()).toBe(tables.notes.length);
    expect(await db.attempts.count()).toBe(tables.attempts.length);
    expect(await db.tasks.count()).toBe(tables.tasks.length);
  }, 120_000);

  it('reads and imports a 20 MB backup', async () => {
    const tables = manyTables(8_000);
    // Long notes make the file big without making the test slow.
    const filler = 'Budget review with the CFO, procurement next quarter. '.repeat(200);
    tables.notes = tables.notes.map((n) => ({ ...n, text: `${n.text} ${filler}` }));
    const text = serializeBackup(backupOf(tables));
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(text.length).toBeLessThan(50 * 1024 * 1024);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const result = await importBackup(parsed.backup);
    expect(result.counts.notes.add).toBe(tables.notes.length);
    expect(await database().notes.count()).toBe(tables.notes.length);
  }, 120_000);
});

describe('CSV export', () => {
  it('writes one table with the contact named on every row', async () => {
    await store(sampleTables());
    const parsed = parseCsv(await exportTableCsv('notes'));
    if (!parsed.ok) throw new Error(parsed.problem);
    const [header, row] = parsed.rows.map((r) => r.cells);
    expect(header).toEqual([
      'Contact',
      'Company',
      'Kind',
      'Note',
      'Created',
      'Updated',
      'Note ID',
      'Contact ID',
    ]);
    expect(row).toEqual([
      'Jane Doe',
      'Northwind Traders',
      'pain point',
      note.text,
      new Date(note.createdAt).toISOString(),
      new Date(note.updatedAt).toISOString(),
      'n-1',
      'c-jane',
    ]);
    const contacts = parseCsv(await exportTableCsv('contacts'));
    expect(contacts.ok && contacts.rows.length).toBe(3);
    const attempts = parseCsv(await exportTableCsv('attempts'));
    if (!attempts.ok) throw new Error(attempts.problem);
    const [attemptHeader, attemptRow] = attempts.rows.map((r) => r.cells);
    const cell = (name: string) => attemptRow?.[attemptHeader?.indexOf(name) ?? -1];
    expect(cell('Outcome')).toBe('Voicemail');
    expect(cell('Voicemail seconds')).toBe('24');
    // The next try the voicemail promised, which the follow-up below keeps.
    expect(cell('Promised time')).toBe(new Date(attempt.promisedAt!).toISOString());
    expect(cell('Agreed time')).toBe('');
    const tasks = parseCsv(await exportTableCsv('tasks'));
    if (!tasks.ok) throw new Error(tasks.problem);
    // Sorted by due time: the follow-up the call closed, then the one it scheduled.
    const [taskHeader, , taskRow] = tasks.rows.map((r) => r.cells);
    expect(taskRow?.[taskHeader?.indexOf('Reason') ?? -1]).toBe('The time the voicemail promised');
    // A booked meeting and a follow-up call are told apart.
    expect(taskRow?.[taskHeader?.indexOf('Kind') ?? -1]).toBe('follow-up');
  });

  it('has a CSV for every table of the backup, call plans and the rep’s details included', async () => {
    expect([...CSV_TABLES].sort()).toEqual([...BACKUP_TABLES].sort());
    await store(sampleTables());
    const rowsOf = async (table: CsvTable) => {
      const parsed = parseCsv(await exportTableCsv(table));
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.rows.map((r) => r.cells);
    };
    expect(await rowsOf('plans')).toEqual([
      [
        'Contact',
        'Company',
        'Goal',
        'Reference',
        'Something new (kind)',
        'Something new',
        'Ask',
        'Opener',
        'Updated',
        'Reference note ID',
        'Contact ID',
      ],
      [
        'Jane Doe',
        'Northwind Traders',
        plan.goal,
        plan.reference,
        'case study',
        plan.newValue,
        plan.ask,
        plan.opener,
        new Date(plan.updatedAt).toISOString(),
        'n-1',
        'c-jane',
      ],
    ]);
    expect(await rowsOf('settings')).toEqual([
      ['Your name', 'Company', 'Callback number', 'Time zone'],
      ['Sam Reed', 'Acme', '+1 555 0100', 'America/New_York'],
    ]);
  });
});

describe('storage', () => {
  it('remembers when the last backup was made', async () => {
    expect(await lastBackupAt()).toBeUndefined();
    await rememberBackup(1234);
    expect(await lastBackupAt()).toBe(1234);
    expect(await fakeBrowser.storage.local.get(LAST_BACKUP_KEY)).toEqual({
      [LAST_BACKUP_KEY]: 1234,
    });
  });

  it('gives the browser estimate, or nothing where there is none', async () => {
    const real = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: { storage: { estimate: async () => ({ usage: 2_400_000, quota: 1_300_000_000 }) } },
    });
    try {
      expect(await storageEstimate()).toEqual({ usage: 2_400_000, quota: 1_300_000_000 });
      Object.defineProperty(globalThis, 'navigator', { configurable: true, value: {} });
      expect(await storageEstimate()).toBeUndefined();
    } finally {
      if (real) Object.defineProperty(globalThis, 'navigator', real);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
