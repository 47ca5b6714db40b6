// The damaged and hostile backups of issue 14, each as a rep would meet it: refused whole with
// a message naming the record and field, or imported with what was cut said in the preview —
// never stored in a shape a screen cannot show.
import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import { createImportSession } from '@/lib/db/import-session';
import { exportEverything, exportTableCsv, importBackup } from '@/lib/db/transfer';
import {
  BACKUP_SCHEMA,
  makeBackup,
  parseBackup,
  serializeBackup,
  type Backup,
  type BackupTables,
} from '@/lib/transfer/backup';
import { parseCsv } from '@/lib/transfer/csv';
import { cleanRecord } from '@/lib/transfer/records';
import type { ImportReport } from '@/lib/transfer/import-messages';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { attempt, jane, note, rep, sampleTables, task } from './sample-data';

/** The file text of `tables` changed by `change` (which may add anything JSON holds). */
function fileWith(change: (tables: Record<string, unknown[]>) => void): string {
  const tables = structuredClone(sampleTables()) as unknown as Record<string, unknown[]>;
  change(tables);
  return serializeBackup(makeBackup(tables as unknown as BackupTables, new Date(), BACKUP_SCHEMA));
}

function refusal(text: string): string {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problem;
}

function accepted(text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
}

/** Opens `text` as the Data page's worker would and returns its preview report. */
async function preview(text: string, fileName = 'backup.json') {
  const reports: ImportReport[] = [];
  const send = createImportSession((r) => reports.push(r));
  await send({ type: 'open', file: new Blob([text]), fileName });
  return { reports, send };
}

function previewOf(reports: ImportReport[]) {
  const found = reports.find((r) => r.type === 'backup-preview');
  if (found?.type !== 'backup-preview') {
    throw new Error(`no preview: ${JSON.stringify(reports.find((r) => r.type === 'refused'))}`);
  }
  return found.preview;
}

describe('dates out of range', () => {
  it('refuses a follow-up due in 1e20, naming record, field and range', () => {
    const text = fileWith((t) => (t.tasks = [{ ...task, dueAt: 1e20 }]));
    expect(refusal(text)).toBe(
      'Record 1 of "tasks" ("t-1"): "dueAt" is a date (100000000000000000000); dates should be between 1970 and 2200. Correct it in the file or remove that record. Nothing was imported.',
    );
  });

  it('refuses an attempt at 9e15 and a follow-up in the year 3170, saying the year', () => {
    expect(refusal(fileWith((t) => (t.attempts = [{ ...attempt, at: 9e15 }])))).toMatch(
      /^Record 1 of "attempts" \("a-1"\): "at" is a date \(9000000000000000\); dates should be between 1970 and 2200/,
    );
    const year3170 = Date.UTC(3170, 0, 1);
    expect(refusal(fileWith((t) => (t.tasks = [{ ...task, dueAt: year3170 }])))).toMatch(
      /^Record 1 of "tasks" \("t-1"\): "dueAt" is a date in the year 3170 /,
    );
  });

  it('refuses a contact created in 1e300; the contacts CSV of valid data still exports', async () => {
    const text = fileWith((t) => (t.contacts = [{ ...jane, createdAt: 1e300 }]));
    expect(refusal(text)).toMatch(/^Record 1 of "contacts" \("c-jane"\): "createdAt" is a date/);
    await importBackup(accepted(fileWith(() => undefined)).backup);
    const csv = parseCsv(await exportTableCsv('contacts'));
    expect(csv.ok && csv.rows.map((r) => r.cells[0])).toEqual(['Name', 'Jane Doe', 'Marco Rossi']);
  });

  it('repairs a change dated before the creation, and says so', () => {
    const parsed = accepted(
      fileWith((t) => (t.notes = [{ ...note, updatedAt: note.createdAt - 1 }])),
    );
    expect(parsed.backup.notes[0]!.updatedAt).toBe(note.createdAt);
    expect(parsed.cuts).toEqual({ 'date-order': 1 });
  });
});

describe('time zones', () => {
  it('refuses a rep time zone the browser does not know, naming it and an example', async () => {
    const text = fileWith((t) => (t.settings = [{ ...rep, timeZone: 'Not/AZone' }]));
    expect(refusal(text)).toBe(
      'Record 1 of "settings" ("rep"): "timeZone" should be a time zone this browser knows, such as "Europe/Berlin" or "America/New_York", not "Not/AZone". Nothing was imported.',
    );
    const { reports } = await preview(text);
    expect(reports.at(-1)).toMatchObject({ type: 'refused' });
    expect(await database().settings.count()).toBe(0);
  });

  it("drops a contact's unknown zone, keeping the contact, with a preview line", async () => {
    const text = fileWith((t) => (t.contacts = [{ ...jane, timeZone: 'Mars/Olympus' }]));
    const { reports } = await preview(text);
    expect(previewOf(reports).cuts).toEqual([
      "1 contact's time zone was dropped: not a zone this browser knows",
    ]);
  });
});

describe('record links', () => {
  const hostile = [
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://evil.example/contacts/1',
    'http://app.hubspot.com/contacts/4412789/record/0-1/51234501',
  ];

  it('drops every link that is not https on the identity’s own site, keeping the identity', async () => {
    const text = fileWith((t) => {
      // Beside the file's own contacts, whose notes and calls stay theirs.
      (t.contacts ??= []).push(
        ...hostile.map((url, i) => ({
          ...jane,
          id: `c-${i}`,
          identities: [{ site: 'hubspot', recordId: String(i), url }],
          identityKeys: [`hubspot:${i}`],
        })),
      );
    });
    const { reports, send } = await preview(text);
    expect(previewOf(reports).cuts).toEqual([
      '6 record links were dropped: not https on a supported site (the records are kept)',
    ]);
    await send({ type: 'import' });
    const stored = await database().contacts.bulkGet(hostile.map((_, i) => `c-${i}`));
    expect(stored.map((c) => c?.identities)).toEqual(
      hostile.map((_, i) => [{ site: 'hubspot', recordId: String(i), url: '' }]),
    );
  });

  it('keeps an https link on the identity’s site as it was', () => {
    const parsed = accepted(fileWith(() => undefined));
    expect(parsed.backup.contacts[0]!.identities[0]!.url).toBe(jane.identities[0]!.url);
    expect(parsed.cuts).toEqual({});
  });
});

describe('unknown keys and ids', () => {
  it('drops "__proto__" and "constructor" and never stores them', async () => {
    const text = fileWith(() => undefined)
      .replace('{"id":"c-jane",', '{"__proto__":{"polluted":true},"constructor":"x","id":"c-jane",')
      .replace('"identities":[{"site"', '"identities":[{"__proto__":{"admin":true},"site"');
    const parsed = accepted(text);
    expect(parsed.cuts).toEqual({ 'unknown-field': 3 });
    await importBackup(parsed.backup);
    const stored = (await database().contacts.get('c-jane'))!;
    for (const object of [stored, stored.identities[0]!]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.getOwnPropertyNames(object)).not.toContain('__proto__');
      expect(Object.getOwnPropertyNames(object)).not.toContain('constructor');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(stored).toEqual({ ...jane, emails: jane.emails, phones: jane.phones });
  });

  it('refuses a note whose id is "__proto__"', () => {
    const text = fileWith((t) => (t.notes = [{ ...note, id: '__proto__' }]));
    expect(refusal(text)).toBe(
      'Record 1 of "notes" ("__proto__"): "id" should be a record id (up to 100 letters, digits and - _ . :), not "__proto__". Nothing was imported.',
    );
  });

  it('refuses a follow-up pointing at a contact id that is no id', () => {
    const text = fileWith((t) => (t.tasks = [{ ...task, contactId: '../x' }]));
    expect(refusal(text)).toMatch(
      /^Record 1 of "tasks" \("t-1"\): "contactId" should be a record id/,
    );
  });
});

describe('limits inside a file', () => {
  it('refuses a table of 1,000,001 entries before checking them one by one', () => {
    const text = fileWith((t) => (t.attempts = [])).replace(
      '"attempts": []',
      `"attempts": [${'{},'.repeat(1_000_000)}{}]`,
    );
    expect(refusal(text)).toBe(
      'This backup holds 1,000,001 records in "attempts", more than the 1,000,000 Second Call keeps. Nothing was imported; a backup this extension made never holds that many.',
    );
  });

  it('cuts a 49 MiB note to 20,000 characters, said in the preview', async () => {
    const huge = 'x'.repeat(49 * 1024 * 1024);
    const text = fileWith((t) => (t.notes = [{ ...note, text: huge }]));
    const { reports, send } = await preview(text);
    expect(previewOf(reports).cuts).toEqual(['1 note was cut to 20,000 characters']);
    await send({ type: 'import' });
    const stored = (await database().notes.get('n-1'))!;
    expect(stored.text).toBe('x'.repeat(TEXT_LIMITS.note));
  });

  it('imports a contact with 1,000,000 emails with its first 20, said in the preview', async () => {
    const emails = Array.from({ length: 1_000_000 }, (_, i) => `p${i}@x.example`);
    const text = fileWith((t) => (t.contacts = [{ ...jane, emails }]));
    const { reports, send } = await preview(text);
    expect(previewOf(reports).cuts).toEqual([
      '1 contact had more than 20 email addresses: the first 20 were kept',
    ]);
    await send({ type: 'import' });
    expect((await database().contacts.get('c-jane'))!.emails).toEqual(emails.slice(0, 20));
  });

  it('keeps 100 of a million closed follow-ups on one call', () => {
    const closedTaskIds = Array.from({ length: 1_000_000 }, () => 't-0');
    const parsed = accepted(fileWith((t) => (t.attempts = [{ ...attempt, closedTaskIds }])));
    expect(parsed.backup.attempts[0]!.closedTaskIds).toHaveLength(100);
    expect(parsed.cuts).toEqual({ 'list:closedTaskIds': 1 });
  });
});

describe('what a backup of this version holds', () => {
  it('passes the check unchanged: every sample record is its own clean copy', () => {
    const tables = sampleTables();
    for (const [table, records] of Object.entries(tables) as [keyof BackupTables, unknown[]][]) {
      for (const record of records) {
        expect(cleanRecord(table, record)).toEqual({ ok: true, record, cuts: [] });
      }
    }
  });

  it('exports stored records that import back with no cut', async () => {
    const backup: Backup = accepted(fileWith(() => undefined)).backup;
    await importBackup(backup);
    const again = accepted(serializeBackup(await exportEverything()));
    expect(again.cuts).toEqual({});
  });
});

describe('a CRM contacts CSV keeps the same caps and the same link check', () => {
  it('cuts a long name, keeps 20 of 30 addresses, says both, and stores no unsafe link', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `p${i}@x.example`).join(';');
    const name = 'N'.repeat(300);
    const text = `Record ID,Name,Email\n51234501,${name},${emails}\n`;
    // The same HubSpot record, stored earlier with a link no screen may open.
    await database().contacts.put({
      ...jane,
      identities: [{ site: 'hubspot', recordId: '51234501', url: 'javascript:alert(1)' }],
    });
    const { reports, send } = await preview(text, 'contacts.csv');
    const csv = reports.find((r) => r.type === 'csv-preview');
    expect(csv?.type === 'csv-preview' && csv.preview.problems.map((p) => p.problem)).toEqual([
      'Line 2: the name was cut to 200 characters.',
      `Line 2: ${'N'.repeat(200)} has 30 email addresses; the first 20 were imported.`,
    ]);
    await send({ type: 'import' });
    const stored = (await database().contacts.get('c-jane'))!;
    expect(stored.name).toBe('N'.repeat(200));
    expect(stored.emails).toHaveLength(20);
    expect(stored.identities).toEqual([{ site: 'hubspot', recordId: '51234501', url: '' }]);
    expect(cleanRecord('contacts', stored)).toEqual({ ok: true, record: stored, cuts: [] });
  });
});
