// The panel follows the call, in a side panel's size (360×800) and a small screen's (320×640):
// before, during (a voicemail timer started from the CRM page's Alt+Shift+V, or from the
// panel) and after the call, scrolled to the top and to the bottom, the "Log outcome" buttons
// are wholly on screen and a running timer sits at the top. With UPDATE_SCREENSHOTS=1 it also
// writes the README's pictures of each phase (docs/screenshots/, 360×800).
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, fixtureCases, putRecords, readDatabase } from './harness';
import { count, visible } from './see';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const SCREENSHOTS = 'docs/screenshots';
const DAY_MS = 86_400_000;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

type Scroll = 'top' | 'bottom';

async function scrollPanel(panel: Page, to: Scroll): Promise<void> {
  await panel.evaluate((where) => {
    window.scrollTo(0, where === 'top' ? 0 : document.documentElement.scrollHeight);
  }, to);
  // The scroll is applied at the next frame.
  await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** Where a part is drawn, in the viewport's coordinates. */
async function boxOf(panel: Page, locate: ReturnType<Page['getByRole']>) {
  const box = await locate.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}

async function expectOutcomesInView(panel: Page, phase: string): Promise<void> {
  const viewport = panel.viewportSize()!;
  for (const scroll of ['top', 'bottom'] as const) {
    await scrollPanel(panel, scroll);
    const group = await boxOf(panel, panel.getByRole('group', { name: 'Log outcome' }));
    const where = `${phase}, scrolled to the ${scroll}, ${viewport.width}×${viewport.height}`;
    const inside = {
      top: group.y >= 0,
      left: group.x >= 0,
      bottom: group.y + group.height <= viewport.height,
      right: group.x + group.width <= viewport.width,
    };
    expect({ where, ...inside, group }).toEqual({
      where,
      top: true,
      left: true,
      bottom: true,
      right: true,
      group,
    });
    // Nothing runs off the side: no sideways scrolling, no line cut at the panel's edge.
    const wider = await panel.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const over = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
      // The innermost ones: what pushes, not every box around it.
      return [...document.querySelectorAll('body *')]
        .filter(over)
        .sort(
          (a, b) =>
            b.getBoundingClientRect().right - a.getBoundingClientRect().right ||
            (a.contains(b) ? 1 : -1),
        )
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)} “${(el.textContent ?? '').slice(0, 50)}” in ${el.parentElement?.tagName}.${el.parentElement?.className}`,
        )
        .slice(0, 5);
    });
    expect({ where, wider }).toEqual({ where, wider: [] });
    // Compact: the pinned buttons leave most of the screen to the call.
    expect({ where, compact: group.height / viewport.height < 0.3, group }).toEqual({
      where,
      compact: true,
      group,
    });
  }
}

async function expectTimerOnTop(panel: Page, phase: string): Promise<void> {
  const viewport = panel.viewportSize()!;
  for (const scroll of ['bottom', 'top'] as const) {
    await scrollPanel(panel, scroll);
    const timer = await boxOf(panel, panel.getByRole('timer', { name: 'Voicemail time left' }));
    const where = `${phase}, scrolled to the ${scroll}, ${viewport.width}×${viewport.height}`;
    const inTopFifth = timer.y >= 0 && timer.y + timer.height <= viewport.height / 5;
    expect({ where, inTopFifth, timer }).toEqual({ where, inTopFifth: true, timer });
  }
  await expectOutcomesInView(panel, phase);
}

/** How many pixels of a text box's text are out of sight, below it or beside it. */
function cutOff(box: ReturnType<Page['getByRole']>) {
  return box.evaluate((field) => ({
    below: Math.max(0, field.scrollHeight - field.clientHeight),
    beside: Math.max(0, field.scrollWidth - field.clientWidth),
  }));
}

async function picture(panel: Page, name: string, scroll: Scroll): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1' || panel.viewportSize()!.width !== 360) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await scrollPanel(panel, scroll);
  // The blinking text cursor hidden: the picture is the same each run.
  await panel.screenshot({ path: `${SCREENSHOTS}/${name}.png`, caret: 'hide' });
}

/** Jane Doe's record with what a rep has by the third call: notes and five earlier tries. */
async function janeWithHistory(panel: Page): Promise<void> {
  for (const note of [
    'Her team re-keys about 15 hours of orders a week',
    'Budget review with the CFO before the end of the quarter',
  ]) {
    await panel.getByRole('textbox', { name: 'New note' }).fill(note);
    await panel.getByRole('button', { name: 'Add note' }).click();
    await visible(panel.getByRole('list', { name: 'Notes' }).getByText(note));
  }
  await expect
    .poll(async () => (await readDatabase(panel)).stores.contacts?.length ?? 0)
    .toBeGreaterThan(0);
  const jane = (await readDatabase(panel)).stores.contacts!.find((c) => c.name === 'Jane Doe')!;
  const now = Date.now();
  await putRecords(
    panel,
    'attempts',
    [15, 12, 9, 6, 3].map((daysAgo, i) => ({
      id: `earlier-${i}`,
      contactId: jane.id,
      at: now - daysAgo * DAY_MS,
      channel: 'call',
      outcome: i === 2 ? 'voicemail' : 'no-answer',
    })),
  );
  await panel.reload();
  await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 5);
}

describe('the panel follows the call', () => {
  for (const [width, height] of [
    [360, 800],
    [320, 640],
  ] as const) {
    it(`keeps the outcome buttons and a running timer in view at ${width}×${height}`, async () => {
      session = await ExtensionSession.launch();
      const crm = await session.openCrmPage(record.url);
      const panel = await session.openPanelFor(crm);
      await panel.setViewportSize({ width, height });
      await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
      await visible(panel.getByRole('group', { name: 'Log outcome' }));
      await janeWithHistory(panel);

      // Before the call: who, their notes, the plan and the ask; the buttons at hand. The
      // suggested ask, used, shows whole in the Ask box (nothing scrolled out of sight).
      const ask = panel.getByRole('textbox', { name: 'Ask' });
      await panel.getByRole('button', { name: 'Use this ask' }).click();
      await expect.poll(async () => (await ask.inputValue()).length).toBeGreaterThan(0);
      expect(await cutOff(ask)).toEqual({ below: 0, beside: 0 });
      await panel
        .getByRole('textbox', { name: 'Goal of this call' })
        .fill('Book a 15-minute walk-through of the order import with her ops lead');
      const goal = panel.getByRole('textbox', { name: 'Goal of this call' });
      expect(await cutOff(goal)).toEqual({ below: 0, beside: 0 });
      await expectOutcomesInView(panel, 'before the call');
      await picture(panel, '1-before-the-call', 'top');

      // During: the rep presses Alt+Shift+V on the CRM page.
      await crm.bringToFront();
      await crm.keyboard.press('Alt+Shift+V');
      await panel.bringToFront();
      await visible(panel.getByRole('timer'));
      await expectTimerOnTop(panel, 'timer started on the CRM page');
      await picture(panel, '2-voicemail-timer', 'top');
      await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();

      // Started again from the panel, with the call plan's sections open below.
      await panel.getByRole('button', { name: 'Start voicemail timer' }).click();
      await visible(panel.getByRole('button', { name: 'Stop voicemail timer' }));
      await expectTimerOnTop(panel, 'timer started in the panel');
      await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();

      // After: logged, with Undo, the call note and the call-back time all open.
      await panel
        .getByRole('group', { name: 'Log outcome' })
        .getByRole('button', { name: 'Voicemail' })
        .click();
      await visible(panel.getByRole('button', { name: 'Undo' }));
      await panel.getByRole('button', { name: 'Call back at…' }).click();
      await visible(panel.getByRole('button', { name: 'Log call back' }));
      await expectOutcomesInView(panel, 'after the call, everything open');
      await picture(panel, '3-after-the-call', 'bottom');

      // Folded to their headings, the sections the rep is done with make the page short.
      await panel.getByRole('button', { name: 'Call plan', expanded: true }).click();
      await panel.getByRole('button', { name: 'Notes', expanded: true }).click();
      await expectOutcomesInView(panel, 'after the call, plan and notes folded');
      await picture(panel, '4-sections-folded', 'top');
      await panel.reload();
      await visible(panel.getByRole('button', { name: 'Call plan', expanded: false }));
      await visible(panel.getByRole('button', { name: 'Notes', expanded: false }));
    });
  }
});
