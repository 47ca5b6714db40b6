// Issue 14 in real Chromium, through the Data page and its import worker: a backup whose date
// no screen can show is refused whole; one with a dangerous link, unknown keys and a note far
// over the cap is imported with each change listed in the preview, and the queue then offers
// no link to open.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_SCHEMA, makeBackup, serializeBackup } from '../../lib/transfer/backup';
import type { Contact, Note, Task } from '../../lib/model';
import { contains, count, visible } from './see';
import { openDataPage } from './data-page';
import { ExtensionSession, readDatabase } from './harness';

const sessions: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

const NOW = Date.now();
const jane: Contact = {
  id: 'c-jane',
  name: 'Jane Doe',
  emails: ['jane@northwind.example'],
  phones: [],
  identities: [
    { site: 'hubspot', recordId: '51', url: 'data:text/html,<script>alert(1)</script>' },
  ],
  identityKeys: ['hubspot:51'],
  createdAt: NOW - 86_400_000,
  updatedAt: NOW - 86_400_000,
};
const task: Task = {
  id: 't-1',
  contactId: 'c-jane',
  dueAt: NOW + 3_600_000,
  channel: 'call',
  status: 'open',
  reason: 'The time she asked for',
  createdAt: NOW - 86_400_000,
};
const note: Note = {
  id: 'n-1',
  contactId: 'c-jane',
  kind: 'other',
  text: 'x'.repeat(25_000),
  createdAt: NOW - 86_400_000,
  updatedAt: NOW - 86_400_000,
};

function file(name: string, tables: { contacts: unknown[]; notes: unknown[]; tasks: unknown[] }) {
  const backup = makeBackup(
    { attempts: [], plans: [], settings: [], ...tables } as never,
    new Date(),
    BACKUP_SCHEMA,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'second-call-hostile-')), name);
  writeFileSync(
    path,
    serializeBackup(backup).replace('{"id":"c-jane",', '{"__proto__":{"x":1},"id":"c-jane",'),
  );
  return path;
}

describe('a hostile backup on the Data page', () => {
  it('is refused for a date out of range, and imported with every cut listed otherwise', async () => {
    const session = await ExtensionSession.launch();
    sessions.push(session);
    const page = await openDataPage(session);

    await page
      .getByLabel('Import file')
      .setInputFiles(
        file('far.json', { contacts: [jane], notes: [], tasks: [{ ...task, dueAt: 1e20 }] }),
      );
    await contains(page.getByRole('alert'), 'Record 1 of "tasks" ("t-1"): "dueAt" is a date');
    await count(page.getByRole('table', { name: 'Import preview' }), 0);

    await page
      .getByLabel('Import file')
      .setInputFiles(file('odd.json', { contacts: [jane], notes: [note], tasks: [task] }));
    const changed = page.getByRole('list', { name: 'Changed on the way in' });
    await contains(changed, '1 unknown field was dropped: not part of a Second Call record.');
    await contains(changed, '1 record link was dropped: not https on a supported site');
    await contains(changed, '1 note was cut to 20,000 characters.');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Imported odd.json' }));

    const { stores } = await readDatabase(page);
    expect(stores.contacts![0]).not.toHaveProperty('__proto__', { x: 1 });
    expect(Object.keys(stores.contacts![0]!)).not.toContain('__proto__');
    expect((stores.notes![0]!.text as string).length).toBe(20_000);

    await page.goto(`chrome-extension://${session.extensionId}/options.html#queue`);
    const queue = page.getByRole('list', { name: 'Follow-up queue' });
    await contains(queue, 'Jane Doe');
    await contains(queue, 'No CRM record');
    await count(queue.getByRole('link', { name: 'Open record' }), 0);
  });
});
