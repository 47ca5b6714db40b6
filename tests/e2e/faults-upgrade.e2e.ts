// Faults: a rep who used an older release updates. The `second-call` database is created at
// an earlier schema (Dexie's version n is IndexedDB version n × 10) with the rows that release
// wrote, in the extension's own origin, before any page of the new build opens it; then the
// browser restarts and the new build upgrades it.
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noteWords, noteWordsV2 } from '../../lib/db/note-words';
import { machineZone, momentLabel } from '../../lib/time/rep-clock';
import { contains, count, text, value, visible } from './see';
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

const hubspot = fixtureCases('hubspot');
const record = hubspot.find((c) => c.file === 'contact-record.html')!;
const partial = hubspot.find((c) => c.file === 'contact-record-partial.html')!;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const DAY = 86_400_000;
/** Whole minutes, as the panel shows them. */
const now = Math.floor(Date.now() / 60_000) * 60_000;

type Row = Record<string, unknown>;
type OldData = Record<string, Row[]>;
type Schema = 1 | 2 | 3 | 4 | 5 | 6;

/** What an older release stored for a rep with a few weeks of work behind them. */
function oldData(schema: Schema): OldData {
  // Schemas 2 and 3 indexed every word of a note, function words included.
  const withWords = (note: Row): Row =>
    schema >= 4
      ? { ...note, words: noteWords(note.text as string) }
      : schema >= 2
        ? { ...note, words: noteWordsV2(note.text as string) }
        : note;
  const data: OldData = {
    settings: [
      {
        id: 'rep',
        repName: 'Sam Rivera',
        company: 'Acme Logistics',
        callbackNumber: '+1 415 555 0100',
        timeZone: zone,
      },
    ],
    contacts: [
      {
        id: '6f1c2a9e-0000-4000-8000-000000000001',
        name: 'Jane Doe',
        // Before v3, numbers were stored as the page wrote them.
        emails: ['jane.doe@northwind.example'],
        phones: [schema >= 3 ? '+14155550142' : '(415) 555-0142'],
        company: 'Northwind Traders',
        title: 'VP Operations',
        identities: [{ site: 'hubspot', recordId: '51234501', url: record.url }],
        identityKeys: ['hubspot:51234501'],
        createdAt: now - 20 * DAY,
        updatedAt: now - 3 * DAY,
      },
      {
        id: '6f1c2a9e-0000-4000-8000-000000000002',
        name: 'Marco Rossi',
        emails: [],
        phones: [schema >= 3 ? '+14155550199' : '415.555.0199'],
        identities: [{ site: 'hubspot', recordId: '51234502', url: partial.url }],
        identityKeys: ['hubspot:51234502'],
        createdAt: now - 9 * DAY,
        updatedAt: now - DAY,
      },
      {
        id: '6f1c2a9e-0000-4000-8000-000000000003',
        name: 'Priya Shah',
        emails: ['priya@example.org'],
        phones: [],
        company: 'Corner Shop',
        identities: [],
        identityKeys: [],
        createdAt: now - 5 * DAY,
        updatedAt: now - 5 * DAY,
      },
    ],
    notes: [
      {
        id: 'n-1',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        kind: 'pain point',
        text: 'Team re-keys 400 orders a week by hand',
        createdAt: now - 20 * DAY,
        updatedAt: now - 20 * DAY,
      },
      {
        id: 'n-2',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        kind: 'deadline',
        text: 'Pilot must start before the 1 March board meeting',
        createdAt: now - 10 * DAY,
        updatedAt: now - 10 * DAY,
      },
      {
        id: 'n-3',
        contactId: '6f1c2a9e-0000-4000-8000-000000000002',
        kind: 'personal',
        text: 'Back from paternity leave in two weeks',
        createdAt: now - 9 * DAY,
        updatedAt: now - 9 * DAY,
      },
    ].map(withWords),
    attempts: [
      {
        id: 'a-1',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        at: now - 10 * DAY,
        channel: 'call',
        outcome: 'connected',
        plan: { goal: 'Qualify', reference: 'Team re-keys 400 orders a week by hand' },
        closedTaskIds: [],
      },
      {
        id: 'a-2',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        at: now - 3 * DAY,
        channel: 'call',
        outcome: 'voicemail',
        voicemailSeconds: 24,
        agreedAt: now - DAY,
        note: 'Left a voicemail about the pilot',
        closedTaskIds: ['t-1'],
      },
      {
        id: 'a-3',
        contactId: '6f1c2a9e-0000-4000-8000-000000000002',
        at: now - DAY,
        channel: 'call',
        outcome: 'no-answer',
        closedTaskIds: [],
      },
    ],
    tasks: [
      {
        id: 't-1',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        dueAt: now - 8 * DAY,
        channel: 'call',
        status: 'done',
        reason: '2 business days after a connected call',
        attemptId: 'a-1',
        createdAt: now - 10 * DAY,
      },
      {
        id: 't-2',
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        dueAt: now - DAY,
        channel: 'call',
        status: 'open',
        reason: 'At the time the voicemail promised',
        attemptId: 'a-2',
        createdAt: now - 3 * DAY,
      },
      {
        id: 't-3',
        contactId: '6f1c2a9e-0000-4000-8000-000000000002',
        dueAt: now + 2 * DAY,
        channel: 'call',
        status: 'open',
        reason: 'Try again after no answer',
        attemptId: 'a-3',
        createdAt: now - DAY,
      },
    ],
  };
  if (schema >= 2) {
    data.plans = [
      {
        contactId: '6f1c2a9e-0000-4000-8000-000000000001',
        goal: 'Book the pilot kickoff',
        referenceNoteId: 'n-2',
        reference: 'Pilot must start before the 1 March board meeting',
        newValueKind: 'case study',
        newValue: 'Contoso cut re-keying time by 80% in six weeks',
        ask: 'Does Tuesday at 10:30 work for a 15-minute walk-through?',
        opener: '',
        updatedAt: now - 2 * DAY,
      },
    ];
  }
  return data;
}

/**
 * Replaces the extension's database with one at `schema`, built as that release's Dexie
 * declared it (index names and key paths), holding `rows`. Runs in a page of the extension's
 * origin that loads none of its code (manifest.json), while the worker is stopped.
 */
async function plantOldDatabase(page: Page, schema: Schema, rows: OldData): Promise<void> {
  await page.evaluate(
    async ({ schema, rows }) => {
      const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest, blocked?: () => void) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
          if (blocked && 'onblocked' in r) r.onblocked = blocked;
        });
      await request(indexedDB.deleteDatabase('second-call'), () => undefined);
      const open = indexedDB.open('second-call', schema * 10);
      open.onupgradeneeded = () => {
        const db = open.result;
        const store = (name: string, keyPath: string, indexes: string[]) => {
          const s = db.createObjectStore(name, { keyPath });
          for (const spec of indexes) {
            const multiEntry = spec.startsWith('*');
            const name = spec.replace(/^\*/, '');
            const compound = /^\[(.+)\]$/.exec(name);
            const path = compound ? compound[1]!.split('+') : name;
            s.createIndex(name, path, { multiEntry, unique: false });
          }
        };
        // v5 dropped contacts by name, and notes and attempts by contact alone.
        const v5 = schema >= 5;
        store(
          'contacts',
          'id',
          ['*identityKeys', '*emails', '*phones', 'updatedAt'].concat(v5 ? [] : ['name']),
        );
        store(
          'notes',
          'id',
          schema >= 2
            ? [...(v5 ? [] : ['contactId']), '[contactId+createdAt]', '*words']
            : ['contactId', '[contactId+createdAt]'],
        );
        store('attempts', 'id', [...(v5 ? [] : ['contactId']), '[contactId+at]', 'at']);
        store('tasks', 'id', ['contactId', 'dueAt', '[status+dueAt]', 'attemptId']);
        store('settings', 'id', []);
        if (schema >= 2) store('plans', 'contactId', ['updatedAt']);
        if (schema >= 6) store('identityChoices', 'record', []);
      };
      const db = await request<IDBDatabase>(open);
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [name, list] of Object.entries(rows)) {
        for (const row of list) tx.objectStore(name).add(row);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
      });
      db.close();
    },
    { schema, rows },
  );
}

/** How many records of `store` its index `index` finds under `key` (e.g. notes under a word
 *  in `words`, v2; a contact's open follow-ups in `[contactId+status]`, v7). */
async function indexedUnder(
  page: Page,
  store: string,
  index: string,
  key: string | string[],
): Promise<number> {
  return page.evaluate(
    ({ store, index, key }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('second-call');
        open.onerror = () => reject(open.error ?? new Error('cannot open'));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store).objectStore(store).index(index).count(key);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error ?? new Error('index read failed'));
        };
      }),
    { store, index, key },
  );
}

let build: string;
beforeAll(async () => {
  build = await stableCopyOfBuild();
}, 150_000);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

// No rep zone in the old data: the machine's stands in.
const when = (at: number) => momentLabel(at, machineZone(), Date.now());

describe.each([1, 2, 3, 4, 5, 6] as const)('upgrading from schema version %i', (schema) => {
  it('shows the old contact, notes, history, plan and queue, and keeps working', async () => {
    const rows = oldData(schema);
    session = await ExtensionSession.launch(newProfileDir(), build);
    const profile = session.profileDir;
    const blank = await session.openExtensionPage('manifest.json');
    // The new build created its database at install; the old release's takes its place.
    await expect
      .poll(() =>
        blank.evaluate(async () =>
          (await indexedDB.databases()).some((d) => d.name === 'second-call'),
        ),
      )
      .toBe(true);
    await session.stopServiceWorker();
    await plantOldDatabase(blank, schema, rows);
    const planted = await readDatabase(blank);
    expect(planted.version).toBe(schema * 10);
    expect(planted.stores.contacts).toHaveLength(3);

    // The update: the browser starts with the new build, whose worker opens the database.
    await session.close();
    session = await ExtensionSession.launch(profile, build);
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));

    const notes = panel.getByRole('list', { name: 'Notes' });
    await count(notes.getByRole('listitem'), 2);
    await visible(notes.getByText('Team re-keys 400 orders a week by hand'));
    await visible(notes.getByText('Pilot must start before the 1 March board meeting'));

    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 2);
    expect(await historyOutcomes(panel)).toEqual(['Voicemail', 'Connected']);
    await contains(history.getByRole('listitem').first(), '24 s voicemail');
    await contains(history.getByRole('listitem').first(), 'Said: Left a voicemail about the pilot');
    await contains(history.getByRole('listitem').nth(1), 'Referenced: Team re-keys 400 orders');

    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await text(next.locator('time'), when(now - DAY));
    await contains(next, 'At the time the voicemail promised');

    // The rep's details were kept: no "Add your details" hint, and the scripts use them.
    await contains(panel.locator('main'), 'Sam Rivera');
    await count(panel.getByRole('button', { name: 'Add your details' }), 0);
    if (schema >= 2) {
      await value(
        panel.getByRole('textbox', { name: /^Goal of this call/ }),
        'Book the pilot kickoff',
      );
      await value(
        panel.getByRole('textbox', { name: /^New value/ }),
        'Contoso cut re-keying time by 80% in six weeks',
      );
    }

    const upgraded = await readDatabase(panel);
    expect(upgraded.version).toBe(70);
    // v6 added the rep's identity choices, empty until the rep makes one.
    expect(upgraded.stores.identityChoices).toEqual([]);
    expect(Object.keys(upgraded.stores).sort()).toEqual(
      ['attempts', 'contacts', 'identityChoices', 'notes', 'plans', 'settings', 'tasks'].sort(),
    );
    // One Jane: the page found the old contact by its CRM identity, not a new one.
    expect(upgraded.stores.contacts!.map((c) => c.name).sort()).toEqual([
      'Jane Doe',
      'Marco Rossi',
      'Priya Shah',
    ]);
    const phones = Object.fromEntries(upgraded.stores.contacts!.map((c) => [c.name, c.phones]));
    expect(phones['Jane Doe']).toEqual(['+14155550142']);
    expect(phones['Marco Rossi']).toEqual(['+14155550199']);
    for (const note of upgraded.stores.notes!) {
      expect(note.words).toEqual(noteWords(note.text as string));
    }
    expect(await indexedUnder(panel, 'notes', 'words', 'pilot')).toBe(1);
    // v4: function words are no longer index entries.
    expect(await indexedUnder(panel, 'notes', 'words', 'the')).toBe(0);
    expect(upgraded.stores.attempts).toHaveLength(3);
    expect(upgraded.stores.tasks).toEqual(rows.tasks);
    // v7: a contact's follow-ups by status — Jane's one open follow-up, not her done one.
    const jane = '6f1c2a9e-0000-4000-8000-000000000001';
    expect(await indexedUnder(panel, 'tasks', '[contactId+status]', [jane, 'open'])).toBe(1);
    expect(upgraded.stores.plans).toEqual(rows.plans ?? []);

    // The worker read the old tasks at start-up: one follow-up is overdue.
    await expect
      .poll(() => session!.currentWorker().evaluate(() => chrome.action.getBadgeText({})))
      .toBe('1');

    const dashboard = await session.openExtensionPage('options.html#queue');
    const queue = dashboard.getByRole('list', { name: 'Follow-up queue' });
    await count(queue.getByRole('listitem'), 2);
    await contains(queue.getByRole('listitem').first(), 'Jane Doe');
    await contains(queue.getByRole('listitem').nth(1), 'Marco Rossi');
    expect(
      await queue
        .getByRole('listitem')
        .first()
        .getByRole('link', { name: 'Open record' })
        .getAttribute('href'),
    ).toBe(record.url);

    // New work on old data: a click closes the old open task and schedules the next one.
    await panel.bringToFront();
    await clickOutcome(panel, 'Connected');
    expect(await historyOutcomes(panel)).toEqual(['Connected', 'Voicemail', 'Connected']);
    const after = await readDatabase(panel);
    const status = Object.fromEntries(after.stores.tasks!.map((t) => [t.id, t.status]));
    expect(status['t-2']).toBe('done');
    expect(status['t-3']).toBe('open');
    expect(after.stores.tasks!.filter((t) => t.status === 'open')).toHaveLength(2);

    // The other old contact, by single-page navigation.
    await navigateInApp(crm, partial.url, fixtureHtml('hubspot', partial.file));
    await visible(panel.getByRole('heading', { level: 1, name: 'Marco Rossi' }));
    // His history loads after his name: wait for it rather than read it once.
    await expect.poll(() => historyOutcomes(panel)).toEqual(['No answer']);
    await visible(
      panel.getByRole('list', { name: 'Notes' }).getByText('Back from paternity leave'),
    );
    await text(next.locator('time'), when(now + 2 * DAY));
  });
});
