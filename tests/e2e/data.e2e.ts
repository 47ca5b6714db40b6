import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_SCHEMA, makeBackup, serializeBackup } from '../../lib/transfer/backup';
import type { Attempt, Contact, Note } from '../../lib/model';
import {
  makeAttempts,
  makeContacts,
  makeNotes,
  makeTasks,
  seeded,
  vocabulary,
} from '../../scripts/bench/data';
import { contains, count, PATIENCE_MS, visible } from './see';
import { openDataPage, previewRow } from './data-page';
import { ExtensionSession, fixtureCases } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const NOTE = 'Board review moved to 14 March; needs the ROI sheet first';

const sessions: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function launch(): Promise<ExtensionSession> {
  const session = await ExtensionSession.launch();
  sessions.push(session);
  return session;
}

async function openRecord(session: ExtensionSession): Promise<Page> {
  const crm = await session.openCrmPage(record.url);
  const panel = await session.openPanelFor(crm);
  await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
  return panel;
}

describe('the rep’s data, theirs to move', () => {
  it('exports a backup from one browser profile and imports it into a fresh one', async () => {
    const first = await launch();
    const panel = await openRecord(first);
    await panel.getByRole('textbox', { name: 'New note' }).fill(NOTE);
    await panel.getByRole('button', { name: 'Add note' }).click();
    await visible(panel.getByRole('list', { name: 'Notes' }).getByText(NOTE));
    await panel
      .getByRole('group', { name: 'Log outcome' })
      .getByRole('button', { name: 'Voicemail' })
      .click();
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 1);

    const data = await openDataPage(first);
    await visible(data.getByText(/You have never exported a backup/));
    await visible(data.getByText(/ of .* used$/));
    const [download] = await Promise.all([
      data.waitForEvent('download'),
      data.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^second-call-backup-\d{4}-\d\d-\d\d\.json$/);
    const file = join(
      mkdtempSync(join(tmpdir(), 'second-call-backup-')),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    await visible(data.getByText(/Last backup: today/));

    // A fresh profile: nothing stored yet. The rep already has Jane's record open in the side
    // panel and Insights open in another tab when importing: both must refresh by themselves
    // once the import worker has written (Dexie tells every page of the extension).
    const second = await launch();
    const openPanel = await openRecord(second);
    await count(openPanel.getByRole('list', { name: 'Notes' }).getByRole('listitem'), 0);
    const insights = await second.context.newPage();
    await insights.goto(`chrome-extension://${second.extensionId}/options.html#insights`);
    await visible(insights.getByText(/No calls logged yet/));

    const fresh = await openDataPage(second);
    await fresh.getByLabel('Import file').setInputFiles(file);
    await visible(fresh.getByRole('table', { name: 'Import preview' }));
    // Jane is already here (the open record stored her): merged, never duplicated.
    await contains(previewRow(fresh, 'Contacts'), 'Contacts010');
    await contains(previewRow(fresh, 'Notes'), 'Notes100');
    await contains(previewRow(fresh, 'Call history'), 'Call history100');
    await contains(previewRow(fresh, 'Follow-ups'), 'Follow-ups100');
    await fresh.getByRole('button', { name: 'Import', exact: true }).click();
    await contains(
      fresh.getByRole('status').filter({ hasText: 'Imported' }),
      'Contacts: 0 added, 1 updated, 0 unchanged.',
    );

    for (const restored of [openPanel, await openRecord(second)]) {
      await visible(restored.getByRole('list', { name: 'Notes' }).getByText(NOTE));
      const history = restored.getByRole('list', { name: 'History' });
      await count(history.getByRole('listitem'), 1);
      await contains(history.getByRole('listitem').first(), 'Voicemail');
      await visible(restored.getByRole('region', { name: 'Next follow-up' }).locator('time'));
    }
    const funnel = insights.getByRole('table', { name: 'Funnel' });
    await contains(funnel.getByRole('row').filter({ hasText: 'Dials' }), 'Dials1');
  });

  it('imports 50,000 records with a progress bar, and refuses a broken file', async () => {
    const contacts: Contact[] = [];
    const notes: Note[] = [];
    const attempts: Attempt[] = [];
    for (let i = 0; contacts.length + notes.length + attempts.length < 50_000; i++) {
      const id = `c-${i}`;
      contacts.push({
        id,
        name: `Contact ${i}`,
        emails: [`person${i}@example.com`],
        phones: [],
        identities: [],
        identityKeys: [],
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      });
      notes.push({
        id: `n-${i}`,
        contactId: id,
        kind: 'other',
        text: `Asked about pricing for ${i} seats`,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      });
      if (contacts.length + notes.length < 50_000) {
        attempts.push({
          id: `a-${i}`,
          contactId: id,
          at: 1_700_000_000_000,
          channel: 'call',
          outcome: 'no-answer',
        });
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'second-call-big-'));
    const big = join(dir, 'big.json');
    const text = serializeBackup(
      makeBackup(
        { contacts, notes, attempts, tasks: [], plans: [], settings: [] },
        new Date(),
        BACKUP_SCHEMA,
      ),
    );
    writeFileSync(big, text);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, text.replace('"id":"n-7",', '"id":"n-7"'));

    const session = await launch();
    const page = await openDataPage(session);
    await page.getByLabel('Import file').setInputFiles(broken);
    const alert = page.getByRole('alert');
    await contains(alert, "expected ',' or '}' after a value");
    const line = text.split('\n').findIndex((l) => l.includes('"id":"n-7",')) + 1;
    await contains(alert, `at line ${line},`);

    // The page must answer the rep at once while the worker reads, checks and writes: each
    // click is timed from the browser receiving it to the next frame after its handler.
    await page.evaluate(() => {
      const w = window as unknown as { clickToFrame: number[] };
      w.clickToFrame = [];
      document.addEventListener('click', (event) => {
        const received = event.timeStamp;
        requestAnimationFrame(() => w.clickToFrame.push(performance.now() - received));
      });
    });
    let busy = true;
    // A Playwright click is a move, a press and a release: two at once can split into a press on
    // one target and a release on the other, and neither is clicked. The clicks take turns.
    let turn: Promise<unknown> = Promise.resolve();
    const inTurn = (act: () => Promise<void>): Promise<void> => {
      const next = turn.then(act);
      turn = next.catch(() => undefined);
      return next;
    };
    const heading = page.getByRole('heading', { name: 'Import', exact: true });
    const clicking = (async () => {
      let clicks = 0;
      while (busy) {
        await inTurn(() => heading.click());
        clicks += 1;
        await page.waitForTimeout(50);
      }
      return clicks;
    })();

    const started = Date.now();
    await page.getByLabel('Import file').setInputFiles(big);
    await contains(previewRow(page, 'Contacts'), `Contacts${contacts.length}00`);
    const previewed = Date.now();
    await inTurn(() => page.getByRole('button', { name: 'Import', exact: true }).click());
    // How long 50,000 records take to start writing depends on the machine, not the product.
    await page
      .getByRole('progressbar', { name: 'Import progress' })
      .first()
      .waitFor({ state: 'visible', timeout: PATIENCE_MS });
    const imported = page.getByRole('status').filter({ hasText: 'Imported' });
    await imported.first().waitFor({ state: 'visible', timeout: PATIENCE_MS });
    await contains(
      page.getByRole('status').filter({ hasText: 'Imported' }),
      `Notes: ${notes.length} added`,
    );
    busy = false;
    const clicks = await clicking;
    const delays = await page.evaluate(
      () => (window as unknown as { clickToFrame: number[] }).clickToFrame,
    );
    console.log(
      `50,000 records: preview after ${previewed - started} ms, imported after ${Date.now() - previewed} ms; ` +
        `${clicks} clicks, slowest click to frame ${Math.round(Math.max(...delays))} ms`,
    );
    // Every click was answered; how quickly is the bench's figure (its longest task during
    // the import), not a test's: a loaded machine is slower, never wrong.
    expect(delays.length).toBeGreaterThanOrEqual(Math.min(clicks, 10));
    await count(page.getByRole('progressbar', { name: 'Import progress' }), 0);
  });

  it('imports a backup holding every kind of record, the rep’s details included', async () => {
    // Shaped as `npm run bench` makes it, no call plans, then the rep's details: a file like
    // this is where the bench caught a preview losing its transaction in the worker.
    const random = seeded(6);
    const people = makeContacts(200, random);
    const ids = people.map((c) => c.id);
    const calls = makeAttempts(2_000, ids, random);
    const tables = {
      contacts: people,
      notes: makeNotes(2_000, ids, vocabulary(2_000, random), random),
      attempts: calls,
      tasks: makeTasks(799, calls, random),
      plans: [],
      settings: [
        {
          id: 'rep' as const,
          repName: 'Sam Reed',
          company: 'Acme',
          callbackNumber: '+1 555 0100',
          timeZone: 'America/New_York',
        },
      ],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'second-call-every-')), 'every.json');
    writeFileSync(file, serializeBackup(makeBackup(tables, new Date(), BACKUP_SCHEMA)));
    const session = await launch();
    const page = await openDataPage(session);
    await page.getByLabel('Import file').setInputFiles(file);
    await contains(previewRow(page, 'Your details'), 'Your details100');
    await contains(previewRow(page, 'Follow-ups'), 'Follow-ups79900');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await contains(
      page.getByRole('status').filter({ hasText: 'Imported' }),
      'Your details: 1 added, 0 updated, 0 unchanged.',
    );
    await count(page.getByRole('alert'), 0);
  });

  it('imports 5,000 contacts from a HubSpot CSV after the rep corrects a column', async () => {
    const lines = ['Record ID,First Name,Last Name,Email,Phone Number,Company Name,Contact owner'];
    for (let i = 0; i < 5_000; i++) {
      lines.push(
        `${80_000_000 + i},Pat${i},Lee,pat${i}@csv.example,+1 212 555 ${String(i).padStart(4, '0')},Co ${i % 50},Owner ${i % 7}`,
      );
    }
    const file = join(mkdtempSync(join(tmpdir(), 'second-call-csv-')), 'hubspot-contacts.csv');
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const session = await launch();
    const page = await openDataPage(session);
    await page.getByLabel('Import file').setInputFiles(file);
    const first = page.getByRole('table', { name: 'First contacts' });
    await contains(first, 'The first 5 of 5000 contacts');
    await contains(previewRow(page, 'Contacts'), 'Contacts500000');
    // "Contact owner" is ignored by default; the rep imports it as the job title instead.
    await page
      .getByRole('combobox', { name: 'Import column "Contact owner" as' })
      .selectOption('title');
    await contains(first, 'Owner 0');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await contains(
      page.getByRole('status').filter({ hasText: 'Imported' }),
      'Imported hubspot-contacts.csv. Contacts: 5000 added, 0 updated, 0 unchanged.',
    );
    await count(page.getByRole('alert'), 0);
  });
});
