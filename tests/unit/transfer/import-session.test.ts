import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { database } from '@/lib/db/schema';
import { createImportSession } from '@/lib/db/import-session';
import { exportEverything } from '@/lib/db/transfer';
import {
  BACKUP_SCHEMA,
  MAX_IMPORT_BYTES,
  makeBackup,
  serializeBackup,
} from '@/lib/transfer/backup';
import type { ImportReport, ImportRequest } from '@/lib/transfer/import-messages';
import { manyTables, sampleTables } from './sample-data';

/** A session and every report it sent, with a way to wait for one. */
function session() {
  const reports: ImportReport[] = [];
  const waiting: { type: string; resolve: (r: ImportReport) => void }[] = [];
  const handle = createImportSession((report) => {
    reports.push(report);
    for (const w of waiting.filter((w) => w.type === report.type)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(report);
    }
  });
  const next = <T extends ImportReport['type']>(type: T) =>
    new Promise<Extract<ImportReport, { type: T }>>((resolve) =>
      waiting.push({ type, resolve: resolve as (r: ImportReport) => void }),
    );
  const send = (request: ImportRequest) => handle(request);
  return { reports, next, send };
}

const backupText = (tables = sampleTables()) =>
  serializeBackup(makeBackup(tables, new Date(), BACKUP_SCHEMA));

async function stored() {
  const { contacts, notes, attempts, tasks, plans, settings } = await exportEverything();
  return { contacts, notes, attempts, tasks, plans, settings };
}

describe('import session (what the worker runs)', () => {
  it('reads, previews, then writes a backup, reporting progress all the way', async () => {
    const s = session();
    const file = new Blob([backupText(manyTables(5_000))]);
    await s.send({ type: 'open', file, fileName: 'backup.json' });
    const preview = s.reports.find((r) => r.type === 'backup-preview');
    expect(preview).toMatchObject({
      preview: { counts: { notes: { add: expect.any(Number), update: 0, unchanged: 0 } } },
    });
    expect(s.reports.filter((r) => r.type === 'progress').at(-1)).toEqual({
      type: 'progress',
      progress: { phase: 'checking', done: 5_000, total: 5_000 },
    });
    expect(await database().contacts.count()).toBe(0);

    s.reports.length = 0;
    await s.send({ type: 'import' });
    const writing = s.reports.flatMap((r) =>
      r.type === 'progress' && r.progress.phase === 'writing' ? [r.progress] : [],
    );
    expect(writing[0]).toEqual({ phase: 'writing', done: 0, total: 5_000 });
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 5_000, total: 5_000 });
    // Before the first chunk, then after each: four tables of 1,250 records, a chunk each.
    expect(writing.map((p) => p.done)).toEqual([0, 1250, 2500, 3750, 5000]);
    expect(s.reports.at(-1)).toMatchObject({
      type: 'imported',
      counts: { contacts: { add: 1250 } },
    });
    expect(await database().notes.count()).toBe(1250);
    // One file, one import: asking again writes nothing more.
    await s.send({ type: 'import' });
    expect(s.reports.filter((r) => r.type === 'imported')).toHaveLength(1);
  });

  const NEWER = backupText().replace('"version": 1', '"version": 2');
  const refusals: [string, Blob, string, RegExp, number | undefined][] = [
    [
      'a truncated backup',
      new Blob([backupText().slice(0, 900)]),
      'cut.json',
      /^The file ends too early, at line \d+: it looks cut off/,
      backupText().slice(0, 900).split('\n').length,
    ],
    [
      'a backup from a newer version',
      new Blob([NEWER]),
      'newer.json',
      /^This backup was made by a newer version of Second Call \(v2, line 3\)/,
      3,
    ],
    [
      'another app’s JSON',
      new Blob(['{\n  "format": "crm-dump",\n  "rows": []\n}']),
      'other.json',
      /^This is not a Second Call backup: line 2 says "format": "crm-dump"/,
      2,
    ],
    [
      'a file over the size limit',
      new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]),
      'huge.json',
      /^This file is 50\.0 MB, more than the 50 MB Second Call can import at once\./,
      undefined,
    ],
    [
      'a Latin-1 CSV',
      new Blob([new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c])]),
      'latin1.csv',
      /^This file is not UTF-8 text \(line 2 has a character in another encoding/,
      2,
    ],
    [
      'a CSV with a quote that never closes',
      new Blob(['Name,Email\nAda,ada@x.example\n"Grace,grace@x.example\nAlan,alan@x.example\n']),
      'open-quote.csv',
      /^A quoted field opened on line 3 never closes/,
      3,
    ],
  ];
  it.each(refusals)(
    'refuses %s, naming the problem and line, writing nothing',
    async (_, file, fileName, problem, line) => {
      await database().contacts.put(sampleTables().contacts[0]!);
      const before = await stored();
      const s = session();
      await s.send({ type: 'open', file, fileName });
      const refused = s.reports.find((r) => r.type === 'refused');
      expect(refused?.type === 'refused' && refused.problem).toMatch(problem);
      expect(refused?.type === 'refused' && refused.line).toBe(line);
      await s.send({ type: 'import' });
      expect(s.reports.map((r) => r.type)).not.toContain('imported');
      expect(await stored()).toEqual(before);
    },
  );

  it('previews a CSV, drops a preview a newer mapping overtakes, imports the latest', async () => {
    const lines = ['First Name,Last Name,Email,Notes'];
    for (let i = 0; i < 2_500; i++) lines.push(`Ada${i},Lovelace,ada${i}@x.example,vip`);
    const s = session();
    await s.send({ type: 'open', file: new Blob([lines.join('\n')]), fileName: 'people.csv' });
    expect(s.reports.find((r) => r.type === 'csv-read')).toMatchObject({
      header: ['First Name', 'Last Name', 'Email', 'Notes'],
      rows: 2_500,
      source: 'csv',
      mapping: ['firstName', 'lastName', 'email', 'ignore'],
      sample: [{ line: 2 }, { line: 3 }, { line: 4 }],
    });
    expect(s.reports.find((r) => r.type === 'csv-preview')).toMatchObject({
      preview: { seq: 0, counts: { add: 2_500 }, contacts: 2_500, problemCount: 0 },
    });

    // The rep changes two columns in a row: the first preview is dropped, the second answers.
    const title = s.send({
      type: 'remap',
      seq: 1,
      source: 'csv',
      mapping: ['firstName', 'lastName', 'email', 'title'],
    });
    const noEmail = s.send({
      type: 'remap',
      seq: 2,
      source: 'csv',
      mapping: ['firstName', 'ignore', 'ignore', 'title'],
    });
    await Promise.all([title, noEmail]);
    const previews = s.reports.flatMap((r) => (r.type === 'csv-preview' ? [r.preview] : []));
    expect(previews.map((p) => p.seq)).toEqual([0, 2]);
    expect(previews[1]!.first[0]).toMatchObject({ name: 'Ada0', emails: [], title: 'vip' });

    await s.send({ type: 'import' });
    expect(s.reports.at(-1)).toEqual({
      type: 'imported',
      counts: { contacts: { add: 2_500, update: 0, unchanged: 0 } },
    });
    const ada = (await database().contacts.toArray()).find((c) => c.name === 'Ada7');
    expect(ada).toMatchObject({ emails: [], title: 'vip' });
  });

  it('says plainly that storage ran out, keeps nothing, and can try again', async () => {
    const s = session();
    await s.send({ type: 'open', file: new Blob([backupText()]), fileName: 'b.json' });
    const db = database();
    const refuse = () => {
      throw new Dexie.QuotaExceededError('out of space');
    };
    db.notes.hook('creating', refuse);
    try {
      await s.send({ type: 'import' });
    } finally {
      db.notes.hook('creating').unsubscribe(refuse);
    }
    expect(s.reports.at(-1)).toEqual({
      type: 'failed',
      message: expect.stringMatching(
        /^Your browser is out of storage space, so nothing was saved\..* Nothing was imported: your data is as it was\.$/,
      ),
    });
    expect(await db.contacts.count()).toBe(0);
    await s.send({ type: 'import' });
    expect(s.reports.at(-1)).toMatchObject({ type: 'imported' });
    expect(await db.contacts.count()).toBe(2);
  });
});
