// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataPage } from '@/components/DataPage';
import { database } from '@/lib/db/schema';
import { LAST_BACKUP_KEY } from '@/lib/db/transfer';
import { BACKUP_SCHEMA, makeBackup, serializeBackup } from '@/lib/transfer/backup';
import { sampleTables } from '../transfer/sample-data';

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

  it('refuses a corrupt file with an alert naming the problem and line; nothing written', async () => {
    const user = userEvent.setup();
    render(<DataPage />);
    const text = serializeBackup(makeBackup(sampleTables(), new Date(), BACKUP_SCHEMA));
    await user.upload(
      screen.getByLabelText('Import file'),
      backupFile('cut.json', text.slice(0, text.length / 2)),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The file ends too early, at line \d+: it looks cut off/);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await database().contacts.count()).toBe(0);

    await user.upload(
      screen.getByLabelText('Import file'),
      new File([new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c])], 'latin1.csv'),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /not UTF-8 text \(line 2 .*save it as CSV UTF-8 and try again/,
    );
  });

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
    const first = screen.getByRole('table', { name: 'First contacts' });
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
