// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataPage } from '@/components/DataPage';
import { database } from '@/lib/db/schema';
import { startImportWorker, type ImportChannel } from '@/lib/db/import-worker';
import { LAST_BACKUP_KEY, exportEverything } from '@/lib/db/transfer';
import {
  BACKUP_SCHEMA,
  MAX_IMPORT_BYTES,
  makeBackup,
  serializeBackup,
} from '@/lib/transfer/backup';
import type { ImportReport, ImportRequest } from '@/lib/transfer/import-messages';
import { sampleTables } from '../transfer/sample-data';
import { inProcessImport } from '../transfer/in-process-import';

// The import worker runs in the test's thread: the same session, behind the same channel.
vi.mock('@/lib/db/import-worker', () => ({ startImportWorker: vi.fn() }));

const DAY = 86_400_000;

function backupFile(name = 'second-call-backup-2026-03-01.json', text?: string): File {
  const body = text ?? serializeBackup(makeBackup(sampleTables(), new Date(), BACKUP_SCHEMA));
  return new File([body], name, { type: 'application/json' });
}

/** What the page hands to the browser as downloads: file name and content. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const files: { name: string; blob: Blob }[] = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

beforeEach(() => {
  vi.mocked(startImportWorker).mockImplementation(inProcessImport);
  Object.defineProperty(globalThis.navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage: 2.3 * 1024 * 1024, quota: 1.2 * 1024 ** 3 }) },
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('DataPage', () => {
  it('previews a backup, imports it on Import, and shows the counts', async () => {
    const user = userEvent.setup();
    render(<DataPage />);
    await user.upload(screen.getByLabelText('Import file'), backupFile());

    const preview = await screen.findByRole('table', { name: 'Import preview' });
    const row = (name: string) =>
      within(preview)
        .getByRole('rowheader', { name })
        .closest('tr')!
        .textContent?.replace(name, '');
    expect(row('Contacts')).toBe('200');
    expect(row('Notes')).toBe('100');
    expect(row('Call history')).toBe('100');
    expect(await database().contacts.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const status = await screen.findByText(/^Imported second-call-backup-2026-03-01\.json\./);
    expect(status.textContent).toContain('Contacts: 2 added, 0 updated, 0 unchanged.');
    expect(status.textContent).toContain('Notes: 1 added, 0 updated, 0 unchanged.');
    expect(await database().contacts.count()).toBe(2);
    expect(await database().notes.count()).toBe(1);
    expect(screen.queryByRole('table', { name: 'Import preview' })).toBeNull();

    // The same file again: nothing left to import.
    await user.upload(screen.getByLabelText('Import file'), backupFile());
    const again = await screen.findByRole('table', { name: 'Import preview' });
    expect(again.textContent).toContain('Unchanged');
    expect(screen.getByText(/Nothing to import/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('lists what the check changes on the way in, one line per kind, before Import', async () => {
    const tables = sampleTables();
    const bad = (url: string, i: number) => ({
      ...tables.contacts[0]!,
      id: `c-${i}`,
      identities: [{ site: 'hubspot', recordId: String(i), url }],
      identityKeys: [`hubspot:${i}`],
    });
    tables.contacts.push(bad('data:text/html,<b>x</b>', 1), bad('chrome://settings/', 2));
    tables.notes = [{ ...tables.notes[0]!, text: 'x'.repeat(25_000) }];
    const text = serializeBackup(makeBackup(tables, new Date(), BACKUP_SCHEMA));
    const user = userEvent.setup();
    render(<DataPage />);
    await user.upload(screen.getByLabelText('Import file'), backupFile('odd.json', text));
    const changed = await screen.findByRole('list', { name: 'Changed on the way in' });
    expect(
      within(changed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '2 record links were dropped: not https on a supported site (the records are kept).',
      '1 note was cut to 20,000 characters.',
    ]);
    expect(await database().contacts.count()).toBe(0);
  });

  const backupText = () => serializeBackup(makeBackup(sampleTables(), new Date(), BACKUP_SCHEMA));
  const refused: [string, () => File, RegExp][] = [
    [
      'truncated JSON',
      () => backupFile('cut.json', backupText().slice(0, backupText().length / 2)),
      /^The file ends too early, at line \d+: it looks cut off/,
    ],
    [
      'a backup from a newer version',
      () => backupFile('newer.json', backupText().replace('"version": 1', '"version": 2')),
      /^This backup was made by a newer version of Second Call \(v2, line 3\); update the extension/,
    ],
    [
      'another app’s file',
      () => backupFile('other.json', '{\n  "format": "crm-dump",\n  "rows": []\n}'),
      /^This is not a Second Call backup: line 2 says "format": "crm-dump"/,
    ],
    [
      'a file over the size limit',
      () => new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.json'),
      /^This file is 50\.0 MB, more than the 50 MB Second Call can import at once\. Nothing was imported\.$/,
    ],
    [
      'a CSV that is not UTF-8',
      () =>
        new File([new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c])], 'latin1.csv'),
      /^This file is not UTF-8 text \(line 2 .*save it as CSV UTF-8 and try again/,
    ],
    [
      'a CSV with a quote that never closes',
      () => new File(['Name,Email\nAda,ada@x.example\n"Grace,g@x.example\n'], 'open-quote.csv'),
      /^A quoted field opened on line 3 never closes: a " is missing\. Nothing was imported\.$/,
    ],
    [
      'a backup whose note belongs to a contact it does not hold',
      () => {
        const tables = sampleTables();
        tables.notes = [{ ...tables.notes[0]!, contactId: 'c-gone' }];
        return backupFile(
          'orphan.json',
          serializeBackup(makeBackup(tables, new Date(), BACKUP_SCHEMA)),
        );
      },
      /^Record 1 of "notes" \("n-1"\) is a note of contact "c-gone", which is neither in this file nor stored here/,
    ],
  ];
  it.each(refused)(
    'refuses %s with an alert naming the problem (and line); nothing changes',
    async (_, file, problem) => {
      const db = database();
      await db.contacts.bulkPut(sampleTables().contacts);
      await db.notes.bulkPut(sampleTables().notes);
      const before = await exportEverything(0);
      const user = userEvent.setup();
      render(<DataPage />);
      await user.upload(screen.getByLabelText('Import file'), file());
      expect((await screen.findByRole('alert')).textContent).toMatch(problem);
      expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
      expect(screen.queryByRole('table', { name: 'Import preview' })).toBeNull();
      expect(await exportEverything(0)).toEqual(before);
    },
  );

  it('maps a HubSpot CSV, lets the rep correct a column, and imports the contacts', async () => {
    const user = userEvent.setup();
    render(<DataPage />);
    const csv =
      '\uFEFFRecord ID,First Name,Last Name,Email,Company Name,Contact owner\r\n' +
      '51234501,Jane,Doe,jane@northwind.example,Northwind,Sam Reed\r\n' +
      '51234502,,,nobody@example.com,,\r\n';
    await user.upload(
      screen.getByLabelText('Import file'),
      new File([csv], 'hubspot-contacts.csv', { type: 'text/csv' }),
    );
    const owner = await screen.findByRole('combobox', { name: 'Import column "Contact owner" as' });
    expect((owner as HTMLSelectElement).value).toBe('ignore');
    expect(
      (screen.getByRole('combobox', { name: 'Exported from' }) as HTMLSelectElement).value,
    ).toBe('hubspot');
    // The worker checks the rows against the stored contacts, then shows them as read.
    const first = await screen.findByRole('table', { name: 'First contacts' });
    expect(first.textContent).toContain('Jane Doe');
    expect(screen.getByRole('list', { name: 'Rows left out' }).textContent).toContain(
      'Line 3: no name, so it was skipped.',
    );

    await user.selectOptions(owner, 'title');
    await screen.findByText('Sam Reed', { selector: 'table[aria-label="First contacts"] td' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported hubspot-contacts\.csv\. Contacts: 1 added/);
    const [jane] = await database().contacts.toArray();
    expect(jane).toMatchObject({
      name: 'Jane Doe',
      title: 'Sam Reed',
      identityKeys: ['hubspot:51234501'],
    });
  });

  it('previews a changed mapping once the rep pauses, and not before', async () => {
    const requests: ImportRequest[] = [];
    vi.mocked(startImportWorker).mockImplementation(() => {
      const channel = inProcessImport();
      const send = channel.send;
      return { ...channel, send: (r) => (requests.push(r), send(r)) };
    });
    const user = userEvent.setup();
    render(<DataPage />);
    const csv = 'First Name,Last Name,Email,Role,Team\nJane,Doe,jane@x.example,CFO,Finance\n';
    await user.upload(screen.getByLabelText('Import file'), new File([csv], 'people.csv'));
    await screen.findByRole('table', { name: 'First contacts' });
    const role = screen.getByRole('combobox', { name: 'Import column "Role" as' });
    const team = screen.getByRole('combobox', { name: 'Import column "Team" as' });
    // Two changes made together (one after the other, with no pause between them, however
    // busy the machine): one preview. A user-event step can outlast the pause on a loaded machine.
    fireEvent.change(role, { target: { value: 'title' } });
    fireEvent.change(team, { target: { value: 'company' } });
    // While the new mapping is unchecked there is nothing to import yet.
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    const first = await screen.findByRole('table', { name: 'First contacts' });
    await waitFor(() => expect(first.textContent).toContain('Finance'));
    expect(first.textContent).toContain('CFO');
    // Two changes, one preview: the one with both columns.
    expect(requests.filter((r) => r.type === 'remap')).toEqual([
      {
        type: 'remap',
        seq: 2,
        source: 'csv',
        mapping: ['firstName', 'lastName', 'email', 'title', 'company'],
      },
    ]);
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });

  it('shows the check and the write of a 50,000-row CSV on a progress bar', async () => {
    let channel: ImportChannel | undefined;
    const listeners: ((r: ImportReport) => void)[] = [];
    const sent: ImportRequest[] = [];
    vi.mocked(startImportWorker).mockImplementation(() => {
      channel = {
        send: (r) => sent.push(r),
        onReport: (l) => listeners.push(l),
        close: () => undefined,
      };
      return channel;
    });
    const report = (r: ImportReport) => act(() => listeners.forEach((l) => l(r)));
    const user = userEvent.setup();
    render(<DataPage />);
    await user.upload(
      screen.getByLabelText('Import file'),
      new File(['Name\nAda\n'], 'big.csv', { type: 'text/csv' }),
    );
    expect(sent).toEqual([{ type: 'open', file: expect.any(File), fileName: 'big.csv' }]);
    expect(screen.getByText('Reading big.csv…')).toBeTruthy();
    await report({
      type: 'csv-read',
      header: ['Name'],
      sample: [{ line: 2, cells: ['Ada'] }],
      rows: 50_000,
      source: 'csv',
      mapping: ['fullName'],
    });
    await report({
      type: 'progress',
      progress: { phase: 'checking', done: 20_000, total: 50_000 },
    });
    const bar = () => screen.getByRole('progressbar') as HTMLProgressElement;
    expect(bar().getAttribute('aria-label')).toBe('Preview progress');
    expect(bar().value).toBe(20_000);
    expect(bar().max).toBe(50_000);
    expect(screen.getByText('Checking against your data: 20,000 of 50,000 rows')).toBeTruthy();
    await report({
      type: 'csv-preview',
      preview: {
        seq: 0,
        counts: { add: 50_000, update: 0, unchanged: 0 },
        contacts: 50_000,
        first: [{ line: 2, site: 'csv', name: 'Ada', emails: [], phones: [] }],
        problems: [],
        problemCount: 0,
        joins: [],
        joinCount: 0,
        apart: [],
        apartCount: 0,
      },
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('table', { name: 'First contacts' }).textContent).toContain(
      'The first 1 of 50000 contacts',
    );

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(sent.at(-1)).toEqual({ type: 'import' });
    expect((screen.getByLabelText('Import file') as HTMLInputElement).disabled).toBe(true);
    await report({ type: 'progress', progress: { phase: 'writing', done: 6_000, total: 50_000 } });
    expect(bar().getAttribute('aria-label')).toBe('Import progress');
    expect(bar().value).toBe(6_000);
    expect(screen.getByText('Writing: 6,000 of 50,000 records')).toBeTruthy();
    await report({
      type: 'imported',
      counts: { contacts: { add: 50_000, update: 0, unchanged: 0 } },
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/^Imported big\.csv\. Contacts: 50000 added/)).toBeTruthy();
    expect((screen.getByLabelText('Import file') as HTMLInputElement).disabled).toBe(false);
  });

  it('exports JSON and CSV as downloads, and remembers the backup', async () => {
    const user = userEvent.setup();
    const files = captureDownloads();
    const db = database();
    const tables = sampleTables();
    await db.contacts.bulkPut(tables.contacts);
    await db.notes.bulkPut(tables.notes);
    render(<DataPage />);
    expect(await screen.findByText(/You have never exported a backup/)).toBeTruthy();
    expect(await screen.findByText('2.3 MB of 1.2 GB used')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/^Saved second-call-backup-\d{4}-\d\d-\d\d\.json: 2 contacts, 1 note,/);
    expect(files[0]?.name).toMatch(/^second-call-backup-\d{4}-\d\d-\d\d\.json$/);
    const backup = JSON.parse(await files[0]!.blob.text());
    expect(backup.format).toBe('second-call-backup');
    expect(backup.contacts).toHaveLength(2);
    expect(await screen.findByText(/Last backup: today/)).toBeTruthy();
    expect((await fakeBrowser.storage.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY]).toBeTypeOf(
      'number',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'CSV of' }), 'notes');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/^Saved second-call-notes-/);
    expect(files[1]?.name).toMatch(/^second-call-notes-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await files[1]!.blob.text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Contact,Company,Kind,Note,Created,Updated,Note ID,Contact ID',
    );

    // Every table has its CSV, the call plans and the rep's details included.
    const options = within(screen.getByRole('combobox', { name: 'CSV of' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Contacts',
      'Notes',
      'Call history',
      'Follow-ups',
      'Call plans',
      'Your details',
    ]);
    await db.settings.put(tables.settings[0]!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'CSV of' }), 'settings');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/^Saved second-call-settings-/);
    expect((await files[2]!.blob.text()).replace(/^\uFEFF/, '')).toBe(
      'Your name,Company,Callback number,Time zone\r\nSam Reed,Acme,+1 555 0100,America/New_York\r\n',
    );
  });

  it('reminds the rep when the last backup is over 30 days old', async () => {
    await fakeBrowser.storage.local.set({ [LAST_BACKUP_KEY]: Date.now() - 45 * DAY });
    render(<DataPage />);
    expect(await screen.findByText(/Your last backup was 45 days ago/)).toBeTruthy();
    expect(screen.getByText('Back up your data.')).toBeTruthy();
  });
});
