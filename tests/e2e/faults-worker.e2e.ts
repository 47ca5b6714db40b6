// Faults: the service worker stopped in the middle of a rep's work, as Chrome stops an idle
// one after 30 s. The panel keeps its contact (session storage) and writes Dexie itself; the
// next page event starts a fresh worker.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, text, visible } from './see';
import {
  ExtensionSession,
  clickOutcome,
  fixtureCases,
  fixtureHtml,
  historyOutcomes,
  navigateInApp,
  newProfileDir,
  readDatabase,
  stableCopyOfBuild,
} from './harness';
import { countShown } from './closed-shadow';

const hubspot = fixtureCases('hubspot');
const record = hubspot.find((c) => c.file === 'contact-record.html')!;
const partial = hubspot.find((c) => c.file === 'contact-record-partial.html')!;

let build: string;
beforeAll(async () => {
  build = await stableCopyOfBuild();
}, 150_000);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the service worker stops mid-flow', () => {
  it('keeps the contact, logs, follows the next record and loses nothing', async () => {
    session = await ExtensionSession.launch(newProfileDir(), build);
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    const notes = panel.getByRole('list', { name: 'Notes' });
    await panel.getByRole('textbox', { name: 'New note' }).fill('Needs the SOC 2 report by June');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await visible(notes.getByText('Needs the SOC 2 report by June'));
    await clickOutcome(panel, 'Connected');

    // Stopped: its memory is gone (the panel's knock about the new follow-up may start a fresh
    // one at once, as Chrome would).
    await session.stopServiceWorker();

    // The tab's contact is in session storage: the panel shows it without the worker, and
    // after a reload (Chrome may start the worker for the extension page's load: stop it again).
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await panel.reload();
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 1);
    await visible(notes.getByText('Needs the SOC 2 report by June'));
    await session.stopServiceWorker();

    // The panel writes the attempt and its task itself, with no worker running.
    await clickOutcome(panel, 'Voicemail');
    expect(await historyOutcomes(panel)).toEqual(['Voicemail', 'Connected']);
    await visible(panel.getByRole('region', { name: 'Next follow-up' }).locator('time'));

    // The CRM moves to another record: the content script's message starts a fresh worker,
    // which stores the contact, and the panel follows.
    await navigateInApp(crm, partial.url, fixtureHtml('hubspot', partial.file));
    await visible(panel.getByRole('heading', { level: 1, name: 'Marco Rossi' }));
    expect(await session.serviceWorkerRunning()).toBe(true);
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 0);

    // Stopped again, then a full page load back to the first record (a tab update and the
    // content script's message wake it).
    await session.stopServiceWorker();
    await crm.goto(record.url);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 2);
    expect(await historyOutcomes(panel)).toEqual(['Voicemail', 'Connected']);
    await visible(notes.getByText('Needs the SOC 2 report by June'));

    // A timer started in the panel while the worker is stopped reaches the page overlay: the
    // storage change wakes the worker, which relays it.
    await session.stopServiceWorker();
    await panel.getByRole('button', { name: 'Start voicemail timer' }).click();
    await visible(panel.getByRole('timer'));
    await countShown(crm, 'role', 'timer', 1); // the overlay's closed shadow root
    await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();

    const db = await readDatabase(panel);
    const contacts = db.stores.contacts!;
    expect(contacts.map((c) => c.name).sort()).toEqual(['Jane Doe', 'Marco Rossi']);
    const jane = contacts.find((c) => c.name === 'Jane Doe')!;
    const attempts = db.stores.attempts!.filter((a) => a.contactId === jane.id);
    expect(attempts.map((a) => a.outcome).sort()).toEqual(['connected', 'voicemail']);
    const open = db.stores.tasks!.filter((t) => t.status === 'open');
    expect(open).toHaveLength(1);
    const voicemail = attempts.find((a) => a.outcome === 'voicemail')!;
    expect(open[0]!.attemptId).toBe(voicemail.id);
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
  });
});
