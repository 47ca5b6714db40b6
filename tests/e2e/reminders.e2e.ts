// The toolbar badge counts the follow-ups due, whoever wrote them: here a backup restored on
// the Data page, written by its import worker, which calls nothing to refresh the badge.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_SCHEMA, makeBackup, serializeBackup } from '../../lib/transfer/backup';
import type { Contact, Task } from '../../lib/model';
import { contains, visible, WAIT } from './see';
import { openDataPage } from './data-page';
import { clickOutcome, ExtensionSession, fixtureCases } from './harness';

const HOUR_MS = 60 * 60 * 1000;

const sessions: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

function contact(id: string, name: string): Contact {
  return {
    id,
    name,
    emails: [],
    phones: [],
    identities: [],
    identityKeys: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

function followUp(id: string, contactId: string, dueAt: number): Task {
  return {
    id,
    contactId,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: 'Call back as agreed',
    createdAt: 1_700_000_000_000,
  };
}

/** A backup with two follow-ups overdue and one tomorrow. */
function backupWithDueFollowUps(): string {
  const now = Date.now();
  const tables = {
    contacts: [contact('c-ann', 'Ann Lee'), contact('c-bo', 'Bo Park')],
    notes: [],
    attempts: [],
    tasks: [
      followUp('t-ann', 'c-ann', now - 2 * HOUR_MS),
      followUp('t-bo', 'c-bo', now - HOUR_MS),
      followUp('t-bo-next', 'c-bo', now + 24 * HOUR_MS),
    ],
    plans: [],
    settings: [],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'second-call-due-')), 'due.json');
  writeFileSync(file, serializeBackup(makeBackup(tables, new Date(), BACKUP_SCHEMA)));
  return file;
}

async function importOnDataPage(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await contains(
    page.getByRole('status').filter({ hasText: 'Imported' }),
    'Follow-ups: 3 added, 0 updated, 0 unchanged.',
  );
}

/** The toolbar badge as the rep sees it, read from an extension page: reading it wakes no
 *  service worker. */
function badgeSeenFrom(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

describe('the toolbar badge after a backup is restored', () => {
  it('counts the restored follow-ups that are due', async () => {
    const session = await ExtensionSession.launch();
    sessions.push(session);
    const page = await openDataPage(session);
    expect(await session.currentWorker().evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    await importOnDataPage(page, backupWithDueFollowUps());

    await expect
      .poll(() => session.currentWorker().evaluate(() => chrome.action.getBadgeText({})), WAIT)
      .toBe('2');
  });

  it('counts them too when the service worker was asleep during the import', async () => {
    const session = await ExtensionSession.launch();
    sessions.push(session);
    const page = await openDataPage(session);
    // Chrome stops an idle worker after 30 seconds; a restore takes the rep longer than that.
    await session.stopServiceWorker();

    await importOnDataPage(page, backupWithDueFollowUps());

    await expect.poll(() => badgeSeenFrom(page), WAIT).toBe('2');
  });
});

describe('the due alarm after a click in the side panel', () => {
  it('is set for the new follow-up even when the service worker was asleep', async () => {
    const session = await ExtensionSession.launch();
    sessions.push(session);
    const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    const nextDue = () => panel.evaluate(async () => (await chrome.alarms.get('next-due')) ?? null);
    expect(await nextDue()).toBeNull();
    await session.stopServiceWorker();

    await clickOutcome(panel, 'Voicemail');

    // The notification rings when the voicemail's follow-up falls due.
    await expect
      .poll(async () => (await nextDue())?.scheduledTime ?? 0, WAIT)
      .toBeGreaterThan(Date.now());
  });
});
