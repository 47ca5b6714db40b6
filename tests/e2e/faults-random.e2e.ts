// Faults, at random: a seeded sequence of outcome clicks, undos, panel reloads, service-worker
// restarts and (rarely) browser restarts on one profile. The test keeps its own model of what
// the panel acknowledged; after every restart and at the end, the History list and the
// attempts in IndexedDB hold exactly that, in order. FAULT_STEPS (default 1000) and
// FAULT_SEED pick the run; a failure names its step and seed.
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_LABELS, type Outcome } from '../../lib/model';
import { PATIENCE_MS, visible } from './see';
import {
  ExtensionSession,
  fixtureCases,
  fixtureHtml,
  historyCount,
  historyOutcomes,
  navigateInApp,
  newProfileDir,
  readDatabase,
  stableCopyOfBuild,
} from './harness';

const STEPS = Number(process.env.FAULT_STEPS ?? 1000);
const SEED = Number(process.env.FAULT_SEED ?? 20_261_125);
/** Undo stays until the next outcome; this run only uses it soon after the click, as a rep
 *  taking back a slip would. */
const UNDO_SAFE_MS = 2500;

const hubspot = fixtureCases('hubspot');
const record = hubspot.find((c) => c.file === 'contact-record.html')!;
const partial = hubspot.find((c) => c.file === 'contact-record-partial.html')!;

const ONE_CLICK: Outcome[] = [
  'meeting-booked',
  'connected',
  'voicemail',
  'no-answer',
  'gatekeeper',
  'not-interested',
  'wrong-number',
];

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Step = 'outcome' | 'undo' | 'reload-panel' | 'restart-worker' | 'relaunch';

let build: string;
beforeAll(async () => {
  build = await stableCopyOfBuild();
}, 150_000);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openJane(): Promise<{ crm: Page; panel: Page }> {
  const crm = await session!.openCrmPage(record.url);
  const panel = await session!.openPanelFor(crm);
  await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return { crm, panel };
}

describe('random faults between clicks', () => {
  it(
    `keeps exactly the acknowledged outcomes through ${STEPS} steps (seed ${SEED})`,
    async () => {
      const random = prng(SEED);
      const started = Date.now();
      session = await ExtensionSession.launch(newProfileDir(), build);
      const profile = session.profileDir;
      let { crm, panel } = await openJane();
      /** The acknowledged outcomes, oldest first. */
      const model: Outcome[] = [];
      /** When the last outcome was clicked, while its Undo is still on screen. */
      let undoable: number | undefined;
      const done: Record<Step, number> = {
        outcome: 0,
        undo: 0,
        'reload-panel': 0,
        'restart-worker': 0,
        relaunch: 0,
      };
      let checkpoints = 0;

      const checkpoint = async (where: string) => {
        checkpoints++;
        await historyCount(panel, model.length);
        const shown = await historyOutcomes(panel);
        expect(shown, `History at ${where}`).toEqual(
          [...model].reverse().map((o) => OUTCOME_LABELS[o]),
        );
        const db = await readDatabase(panel);
        const jane = db.stores.contacts!.find((c) => c.name === 'Jane Doe')!;
        const attempts = db.stores
          .attempts!.filter((a) => a.contactId === jane.id)
          .sort((a, b) => (a.at as number) - (b.at as number));
        expect(
          attempts.map((a) => a.outcome),
          `attempts in IndexedDB at ${where}`,
        ).toEqual(model);
        expect(db.stores.attempts!.length, `attempts of anyone at ${where}`).toBe(model.length);
        // Every task belongs to a kept attempt, one at most each, and only the newest
        // attempt's follow-up is open.
        const ids = new Set(attempts.map((a) => a.id));
        const tasks = db.stores.tasks!;
        expect(
          tasks.every((t) => ids.has(t.attemptId as string)),
          `orphan tasks at ${where}`,
        ).toBe(true);
        expect(new Set(tasks.map((t) => t.attemptId)).size, `tasks per attempt at ${where}`).toBe(
          tasks.length,
        );
        const open = tasks.filter((t) => t.status === 'open');
        const newest = attempts.at(-1)?.id;
        expect(
          open.every((t) => t.attemptId === newest),
          `open tasks at ${where}`,
        ).toBe(true);
      };

      const stepOnce = async (i: number): Promise<Step> => {
        if (random() < 1 / 150) {
          await session!.close();
          session = await ExtensionSession.launch(profile, build);
          ({ crm, panel } = await openJane());
          undoable = undefined;
          await checkpoint(`step ${i}, after the browser restarted`);
          return 'relaunch';
        }
        const roll = random();
        const canUndo = undoable !== undefined && Date.now() - undoable < UNDO_SAFE_MS;
        if (roll < 0.2 && canUndo) {
          const remaining = Math.max(100, undoable! + 4500 - Date.now());
          const clicked = await panel
            .getByRole('button', { name: 'Undo' })
            .click({ timeout: remaining })
            .then(
              () => true,
              () => false,
            );
          undoable = undefined;
          if (clicked) {
            // Acknowledged once the History no longer has it.
            await historyCount(panel, model.length - 1);
            model.pop();
          }
          return 'undo';
        }
        if (roll < 0.32) {
          await panel.reload();
          await visible(panel.getByRole('group', { name: 'Log outcome' }));
          undoable = undefined;
          await checkpoint(`step ${i}, after the panel reloaded`);
          return 'reload-panel';
        }
        if (roll < 0.47) {
          await session!.stopServiceWorker();
          if (random() < 0.5) {
            // The rep opens another record and comes back: the content script's messages start
            // a fresh worker, which stores the contacts while the panel follows.
            await navigateInApp(crm, partial.url, fixtureHtml('hubspot', partial.file));
            await visible(panel.getByRole('heading', { level: 1, name: 'Marco Rossi' }));
            await navigateInApp(crm, record.url, fixtureHtml('hubspot', record.file));
            await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
            await visible(panel.getByRole('group', { name: 'Log outcome' }));
            expect(await session!.serviceWorkerRunning()).toBe(true);
          }
          await checkpoint(`step ${i}, after the worker restarted`);
          return 'restart-worker';
        }
        const outcome = ONE_CLICK[Math.floor(random() * ONE_CLICK.length)]!;
        const label = OUTCOME_LABELS[outcome];
        const clickedAt = Date.now();
        await panel
          .getByRole('group', { name: 'Log outcome' })
          .getByRole('button', { name: label, exact: true })
          .click();
        await panel
          .getByRole('status')
          .filter({ hasText: `Logged ${label}.` })
          .first()
          .waitFor({ timeout: PATIENCE_MS });
        await historyCount(panel, model.length + 1);
        model.push(outcome);
        undoable = clickedAt;
        return 'outcome';
      };

      for (let i = 1; i <= STEPS; i++) {
        let step: Step;
        try {
          step = await stepOnce(i);
        } catch (error) {
          throw new Error(
            `step ${i} of ${STEPS} (seed ${SEED}, ${model.length} outcomes kept): ${String(error)}`,
            { cause: error },
          );
        }
        done[step]++;
      }
      await checkpoint('the end');
      const seconds = Math.round((Date.now() - started) / 1000);
      console.info(
        `${STEPS} steps in ${seconds} s, seed ${SEED}: ${JSON.stringify(done)}, ` +
          `${checkpoints} checkpoints, ${model.length} outcomes kept`,
      );
      expect(done.outcome).toBeGreaterThan(0);
    },
    20 * 60_000,
  );
});
