// Issue 13, part 6 in the browser: a switchboard CSV and a backup of two people on info@.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_SCHEMA, makeBackup, serializeBackup } from '../../lib/transfer/backup';
import type { Contact, Note } from '../../lib/model';
import { contains, count } from './see';
import { openDataPage, previewRow } from './data-page';
import { ExtensionSession, readDatabase } from './harness';

const sessions: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function openDataPageOfNewSession(): Promise<Page> {
  const session = await ExtensionSession.launch();
  sessions.push(session);
  return openDataPage(session);
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'second-call-identity-')), name);
  writeFileSync(file, text);
  return file;
}

describe('identity merges by strength, in the browser', () => {
  it('imports three people on one switchboard as three contacts, listing the one merge', async () => {
    const csv = tempFile(
      'acme.csv',
      [
        'Record ID,First Name,Last Name,Email,Phone Number',
        '101,Dana,Kim,dana@acme.example,+1 415 555 0100',
        '102,Eli,Park,eli@acme.example,+1 415 555 0100',
        '103,Fay,Ruiz,fay@acme.example,+1 415 555 0100',
        ',Dana,Kim,dana@acme.example,+1 415 555 0199',
      ].join('\r\n'),
    );
    const page = await openDataPageOfNewSession();
    await page.getByLabel('Import file').setInputFiles(csv);
    await contains(previewRow(page, 'Contacts'), 'Contacts300');
    const merges = page.getByRole('list', { name: 'Merges' });
    await count(merges.getByRole('listitem'), 1);
    const merge = merges.getByRole('checkbox', {
      name: 'Dana Kim (line 2) ← line 5 (same email dana@acme.example)',
    });
    expect(await merge.isChecked()).toBe(true);
    const apart = page.getByRole('list', { name: 'Kept apart' }).getByRole('listitem');
    await count(apart, 2);
    await contains(apart.nth(1), 'Line 4, Fay Ruiz: its phone +14155550100 is shared');
    await contains(page.getByLabel('Why these counts'), '4 rows: 3 new contacts.');

    // Refused, the row is its own contact; accepted again, it merges.
    await merge.uncheck();
    await contains(previewRow(page, 'Contacts'), 'Contacts400');
    await merge.check();
    await contains(previewRow(page, 'Contacts'), 'Contacts300');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await contains(
      page.getByRole('status').filter({ hasText: 'Imported' }),
      'Contacts: 3 added, 0 updated, 0 unchanged.',
    );
    const contacts = (await readDatabase(page)).stores.contacts as unknown as Contact[];
    expect(contacts.map((c) => [c.name, c.emails, c.identityKeys]).sort()).toEqual([
      ['Dana Kim', ['dana@acme.example'], ['hubspot:101']],
      ['Eli Park', ['eli@acme.example'], ['hubspot:102']],
      ['Fay Ruiz', ['fay@acme.example'], ['hubspot:103']],
    ]);
  });

  it('restores a backup of two people who share info@ as two contacts, each with their notes', async () => {
    const at = 1_700_000_000_000;
    const person = (id: string, name: string): Contact => ({
      id,
      name,
      emails: ['info@acme.example'],
      phones: [],
      identities: [],
      identityKeys: [],
      createdAt: at,
      updatedAt: at,
    });
    const note = (id: string, contactId: string, text: string): Note => ({
      id,
      contactId,
      kind: 'other',
      text,
      createdAt: at,
      updatedAt: at,
    });
    const backup = tempFile(
      'backup.json',
      serializeBackup(
        makeBackup(
          {
            contacts: [person('c-ana', 'Ana Ruiz'), person('c-tom', 'Tom Berg')],
            notes: [
              note('n-ana', 'c-ana', 'Ana prefers mornings'),
              note('n-tom', 'c-tom', 'Tom is on leave in May'),
            ],
            attempts: [],
            tasks: [],
            plans: [],
            settings: [],
          },
          new Date(at),
          BACKUP_SCHEMA,
        ),
      ),
    );
    const page = await openDataPageOfNewSession();
    await page.getByLabel('Import file').setInputFiles(backup);
    await contains(previewRow(page, 'Contacts'), 'Contacts200');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await contains(
      page.getByRole('status').filter({ hasText: 'Imported' }),
      'Contacts: 2 added, 0 updated, 0 unchanged.',
    );
    const { stores } = await readDatabase(page);
    const contacts = stores.contacts as unknown as Contact[];
    const notes = stores.notes as unknown as Note[];
    expect(contacts.map((c) => c.name).sort()).toEqual(['Ana Ruiz', 'Tom Berg']);
    const notesOf = (name: string) => {
      const id = contacts.find((c) => c.name === name)!.id;
      return notes.filter((n) => n.contactId === id).map((n) => n.text);
    };
    expect(notesOf('Ana Ruiz')).toEqual(['Ana prefers mornings']);
    expect(notesOf('Tom Berg')).toEqual(['Tom is on leave in May']);
  });
});
