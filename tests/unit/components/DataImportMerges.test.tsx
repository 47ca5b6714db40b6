// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataPage } from '@/components/DataPage';
import { database } from '@/lib/db/schema';
import { startImportWorker } from '@/lib/db/import-worker';
import { inProcessImport } from '../transfer/in-process-import';
import { SWITCHBOARD_CSV } from '../transfer/switchboard';

// The import worker runs in the test's thread: the same session, behind the same channel.
vi.mock('@/lib/db/import-worker', () => ({ startImportWorker: vi.fn() }));

beforeEach(() => {
  vi.mocked(startImportWorker).mockImplementation(inProcessImport);
  Object.defineProperty(globalThis.navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage: 1024, quota: 1024 ** 3 }) },
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function contactsRow() {
  const table = screen.getByRole('table', { name: 'Import preview' });
  return within(table).getByRole('rowheader', { name: 'Contacts' }).parentElement!.textContent;
}

describe('importing a CSV whose rows merge', () => {
  it('shows the merge, and a refused merge is imported as its own contact', async () => {
    const user = userEvent.setup();
    render(<DataPage />);
    await user.upload(
      screen.getByLabelText('Import file'),
      new File([SWITCHBOARD_CSV], 'acme.csv', { type: 'text/csv' }),
    );
    const merge = (await screen.findByRole('checkbox', {
      name: 'Dana Kim (line 2) ← line 5 (same email dana@acme.example)',
    })) as HTMLInputElement;
    await waitFor(() => expect(contactsRow()).toBe('Contacts300'));
    expect(
      within(screen.getByRole('list', { name: 'Kept apart' })).getAllByRole('listitem'),
    ).toHaveLength(2);

    await user.click(merge);
    expect(merge.checked).toBe(false);
    await waitFor(() => expect(contactsRow()).toBe('Contacts400'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported acme\.csv\. Contacts: 4 added/);
    const danas = await database().contacts.where('emails').equals('dana@acme.example').toArray();
    expect(danas).toHaveLength(2);
    expect(await database().contacts.count()).toBe(4);
  });
});
