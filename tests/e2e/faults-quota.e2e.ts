// Faults: the disk is full. The next IndexedDB write of the panel fails with a
// QuotaExceededError, either thrown by the call itself or surfacing later as the request's
// error with the transaction aborted (how Chrome reports a full disk at commit). The rep reads
// why, nothing is half-written, and the next click saves.
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contains, count, value, visible } from './see';
import {
  ExtensionSession,
  clickOutcome,
  fixtureCases,
  historyOutcomes,
  newProfileDir,
  readDatabase,
  stableCopyOfBuild,
} from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const OUT_OF_SPACE = 'Your browser is out of storage space, so nothing was saved';

type Mode = 'throw' | 'abort';

/** Arms the panel so the next `method` call on object store `store` fails with a
 *  QuotaExceededError, once; every other write goes through. */
async function failNextWrite(
  panel: Page,
  store: string,
  method: 'add' | 'put',
  mode: Mode,
): Promise<void> {
  await panel.evaluate(
    ({ store, method, mode }) => {
      const proto = IDBObjectStore.prototype;
      const original = proto[method];
      const w = window as unknown as { quotaFired?: boolean };
      w.quotaFired = false;
      proto[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (this.name !== store) return original.apply(this, args);
        proto[method] = original;
        w.quotaFired = true;
        const error = new DOMException('The disk is full.', 'QuotaExceededError');
        if (mode === 'throw') throw error;
        const request = original.apply(this, args);
        const tx = this.transaction;
        Object.defineProperty(request, 'error', { get: () => error });
        Object.defineProperty(tx, 'error', { get: () => error });
        tx.abort();
        return request;
      };
    },
    { store, method, mode },
  );
}

async function fired(panel: Page): Promise<boolean> {
  return panel.evaluate(() => (window as unknown as { quotaFired?: boolean }).quotaFired === true);
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

async function openRecord(): Promise<Page> {
  session = await ExtensionSession.launch(newProfileDir(), build);
  const panel = await session.openPanelFor(await session.openCrmPage(record.url));
  await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return panel;
}

describe('a full disk', () => {
  it('refuses an outcome whole, says why, and saves the next click', async () => {
    const panel = await openRecord();
    await clickOutcome(panel, 'Connected');
    const due = panel.getByRole('region', { name: 'Next follow-up' }).locator('time');
    await visible(due);

    const outcomes = panel.getByRole('group', { name: 'Log outcome' });
    // First the attempt itself (after the open task was already marked done in the same
    // transaction), then the new task (after the attempt was added): each time, nothing stays.
    const cases: { store: string; mode: Mode; label: string }[] = [
      { store: 'attempts', mode: 'throw', label: 'No answer' },
      { store: 'tasks', mode: 'abort', label: 'Gatekeeper' },
    ];
    const logged = ['Connected'];
    for (const { store, mode, label } of cases) {
      const openBefore = (await readDatabase(panel)).stores.tasks!.filter(
        (t) => t.status === 'open',
      );
      expect(openBefore).toHaveLength(1);
      const dueNow = await due.textContent();
      await failNextWrite(panel, store, 'add', mode);
      await outcomes.getByRole('button', { name: label, exact: true }).click();
      const alert = panel.getByRole('alert');
      await contains(alert, OUT_OF_SPACE);
      expect(await fired(panel)).toBe(true);
      expect(await historyOutcomes(panel)).toEqual([...logged].reverse());
      expect(await due.textContent()).toBe(dueNow);

      const db = await readDatabase(panel);
      expect(db.stores.attempts!.map((a) => a.outcome)).toHaveLength(logged.length);
      expect(db.stores.tasks!).toHaveLength(logged.length);
      expect(db.stores.tasks!.filter((t) => t.status === 'open')).toEqual(openBefore);

      // The disk has room again: the same click saves, and the message goes.
      await clickOutcome(panel, label);
      logged.push(label);
      await count(panel.getByRole('alert'), 0);
      expect(await historyOutcomes(panel)).toEqual([...logged].reverse());
    }
    const after = await readDatabase(panel);
    expect(after.stores.attempts!).toHaveLength(3);
    expect(after.stores.tasks!.filter((t) => t.status === 'open')).toHaveLength(1);
  });

  it('keeps the typed note when it cannot be saved, and saves it on the next try', async () => {
    const panel = await openRecord();
    const box = panel.getByRole('textbox', { name: 'New note' });
    const notes = panel.getByRole('list', { name: 'Notes' });
    const texts = ['They re-key 400 orders a week', 'Budget is approved for Q3'];
    for (const [i, mode] of (['throw', 'abort'] as const).entries()) {
      const note = texts[i]!;
      await box.fill(note);
      await failNextWrite(panel, 'notes', 'add', mode);
      await panel.getByRole('button', { name: 'Add note' }).click();
      await contains(panel.getByRole('alert'), OUT_OF_SPACE);
      expect(await fired(panel)).toBe(true);
      await value(box, note);
      await count(notes.getByRole('listitem'), i);
      expect((await readDatabase(panel)).stores.notes!).toHaveLength(i);

      await panel.getByRole('button', { name: 'Add note' }).click();
      await visible(notes.getByText(note));
      await value(box, '');
      await count(panel.getByRole('alert'), 0);
      await count(notes.getByRole('listitem'), i + 1);
    }
    expect((await readDatabase(panel)).stores.notes!.map((n) => n.text).sort()).toEqual(
      [...texts].sort(),
    );
  });
});
