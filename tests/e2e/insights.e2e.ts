import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { isInBestWindow } from '../../lib/coach/call-windows';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
/** The contact has no zone on the page, so "prospect's time" is the browser's zone. */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The heatmap's row and column for a moment on the browser's clock: "Wednesday", "4 am". */
function heatmapCellOf(ms: number): { weekday: string; hour: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return {
    weekday: parts.find((p) => p.type === 'weekday')?.value ?? '',
    hour: `${twelve} ${hour < 12 ? 'am' : 'pm'}`,
  };
}

/** A table cell by its row header and its column header. */
async function cell(table: Locator, row: string, column: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column "${column}" in ${headers.join(', ')}`).toBeGreaterThan(0);
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) })
    .locator('th, td')
    .nth(index);
}

async function logOutcome(panel: Page, outcome: string, logged: number): Promise<number> {
  const at = Date.now();
  await panel
    .getByRole('group', { name: 'Log outcome' })
    .getByRole('button', { name: outcome, exact: true })
    .click();
  await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), logged);
  return at;
}

describe('insights', () => {
  it('counts the logged calls in the funnel and the heatmap, with the contact marked advanced', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await visible(panel.getByRole('group', { name: 'Log outcome' }));

    // Two dials nobody answered, then two the prospect picked up (one booked a meeting).
    const outcomes = ['Voicemail', 'No answer', 'Connected', 'Meeting booked'];
    const loggedAt: number[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      loggedAt.push(await logOutcome(panel, outcome, i + 1));
    }

    const advance = panel.getByRole('button', { name: 'Mark as advanced' });
    expect(await advance.getAttribute('aria-pressed')).toBe('false');
    await advance.click();
    const advanced = panel.getByRole('button', { name: 'Advanced to next stage ✓' });
    await visible(advanced);
    expect(await advanced.getAttribute('aria-pressed')).toBe('true');

    const dashboard = await session.context.newPage();
    const problems: string[] = [];
    dashboard.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    dashboard.on('pageerror', (error) => problems.push(error.message));
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#insights`);

    const funnel = dashboard.getByRole('table', { name: 'Funnel' });
    await visible(funnel);
    await text(await cell(funnel, 'Dials', 'Count'), '4');
    await text(await cell(funnel, 'Connects', 'Count'), '2');
    await text(await cell(funnel, 'Meetings booked', 'Count'), '1');
    await text(await cell(funnel, 'Advanced', 'Count'), '1');

    // Each weekday × hour cell: connects of the dials logged in it, on the prospect's clock.
    const heatmap = dashboard.getByRole('table', { name: 'Connect rate by weekday and hour' });
    const connected = new Set(['Connected', 'Meeting booked']);
    const byCell = new Map<
      string,
      { weekday: string; hour: string; dials: number; connects: number }
    >();
    loggedAt.forEach((at, i) => {
      const { weekday, hour } = heatmapCellOf(at);
      const key = `${weekday} ${hour}`;
      const tally = byCell.get(key) ?? { weekday, hour, dials: 0, connects: 0 };
      tally.dials += 1;
      if (connected.has(outcomes[i] ?? '')) tally.connects += 1;
      byCell.set(key, tally);
    });
    for (const { weekday, hour, dials, connects } of byCell.values()) {
      const rate = Math.round((connects / dials) * 100);
      await text(await cell(heatmap, weekday, hour), `${rate}% (${dials})`);
    }

    // Did calling in the best windows pay off: the meeting rate of the calls placed on each side.
    const windows = dashboard.getByRole('table', {
      name: 'Meeting rate of calls placed inside and outside the best windows',
    });
    const sides = [
      { row: 'Calls inside the best windows', inside: true },
      { row: 'Calls outside them', inside: false },
    ];
    for (const { row, inside } of sides) {
      const placed = loggedAt.filter((at) => isInBestWindow(at, zone) === inside);
      const meetings = placed.filter((at) => outcomes[loggedAt.indexOf(at)] === 'Meeting booked');
      await text(await cell(windows, row, 'Calls placed'), String(placed.length));
      const rate = Math.round((meetings.length / placed.length) * 100);
      await text(
        await cell(windows, row, 'Meeting rate'),
        placed.length ? `${rate}% (${meetings.length})` : '—',
      );
    }
    await visible(dashboard.getByText(/Too little data to compare yet/).first());
    await visible(dashboard.getByText(/whose stage Second Call saw change on their CRM record/));

    // The charts drew under the extension's CSP: a sized canvas, and nothing logged as an error.
    const canvas = dashboard.getByRole('img', { name: /Heatmap of connect rate/ });
    await visible(canvas);
    await expect
      .poll(() => canvas.evaluate((el) => (el as HTMLCanvasElement).width))
      .toBeGreaterThan(0);
    await dashboard.waitForTimeout(300);
    expect(problems).toEqual([]);

    // Taking "advanced" back empties the funnel's last step.
    await advanced.click();
    await visible(panel.getByRole('button', { name: 'Mark as advanced' }));
    await text(await cell(funnel, 'Advanced', 'Count'), '0');
  });
});
