// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TZDate } from '@date-fns/tz';
import { InsightsPage } from '@/components/InsightsPage';
import { ContactHeader } from '@/components/ContactHeader';
import { database } from '@/lib/db/schema';
import type { Attempt, Contact, Outcome } from '@/lib/model';
import { storedContact } from '../stored-contact';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const NOV = 10;
/** "Now": Friday 27 November 2026, 12:00 in New York (the rep's zone). */
const NOW = new TZDate(2026, NOV, 27, 12, 0, NY).getTime();

function contact(id: string, extra: Partial<Contact> = {}): Contact {
  return storedContact({ id, name: id, ...extra });
}

let counter = 0;
function attempt(
  contactId: string,
  at: number,
  outcome: Outcome,
  extra: Partial<Attempt> = {},
): Attempt {
  counter += 1;
  return { id: `a${counter}`, contactId, at, channel: 'call', outcome, ...extra };
}

// Aiko, in Tokyo, marked advanced: three dials on Tuesday 24 November, 10–11 am her time
// (Monday 8–9 pm in New York), one unanswered, then a connect and a meeting booked.
const aiko = contact('aiko', { name: 'Aiko', timeZone: TOKYO, advancedAt: NOW - 1000 });
// Ben, zone unknown (so the rep's, New York): two voicemails on Wednesday 25 November at 2 pm,
// an email, and one unanswered dial long ago (outside the default 90 days).
const ben = contact('ben', { name: 'Ben' });
const tokyo = (day: number, hour: number, minute: number) =>
  new TZDate(2026, NOV, day, hour, minute, TOKYO).getTime();
const newYork = (day: number, hour: number, minute: number) =>
  new TZDate(2026, NOV, day, hour, minute, NY).getTime();
const LONG_AGO = new TZDate(2026, 2, 3, 11, 0, NY).getTime(); // Tuesday 3 March 2026, 11 am

const ATTEMPTS: Attempt[] = [
  attempt('aiko', tokyo(24, 10, 15), 'no-answer'),
  attempt('aiko', tokyo(24, 10, 40), 'connected'),
  attempt('aiko', tokyo(24, 10, 50), 'meeting-booked', { plan: { complete: true } }),
  attempt('ben', newYork(25, 14, 5), 'voicemail', { voicemailSeconds: 22 }),
  attempt('ben', newYork(25, 14, 30), 'voicemail', { voicemailSeconds: 40 }),
  attempt('ben', newYork(25, 16, 0), 'sent-info', { channel: 'email' }),
  attempt('ben', LONG_AGO, 'no-answer'),
];

async function seed(attempts: Attempt[] = ATTEMPTS) {
  await database().contacts.bulkPut([aiko, ben]);
  await database().attempts.bulkPut(attempts);
  await database().settings.put({
    id: 'rep',
    repName: 'Sam Reed',
    company: 'Acme',
    callbackNumber: '+1 555 0100',
    timeZone: NY,
  });
}

/** The text of a table's cell at a row (by its row header) and a column (by its header). */
function cellText(table: HTMLElement, row: string, column: string): string | null {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent);
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(', ')}`).toBeGreaterThan(0);
  const tr = within(table).getByRole('rowheader', { name: row }).closest('tr');
  return tr?.children[index]?.textContent ?? null;
}

const heatmapTable = () => screen.getByRole('table', { name: 'Connect rate by weekday and hour' });
const funnelTable = () => screen.getByRole('table', { name: 'Funnel' });
const funnelCount = (step: string) => cellText(funnelTable(), step, 'Count');

const originalGetContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  // No 2D canvas here: the page must draw nothing and still give every number in its tables.
  HTMLCanvasElement.prototype.getContext = (() =>
    null) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = originalGetContext;
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('InsightsPage', () => {
  it('fills the heatmap table on the prospect’s clock and counts the funnel', async () => {
    await seed();
    render(<InsightsPage />);
    const table = await screen.findByRole('table', { name: 'Connect rate by weekday and hour' });
    // A row per weekday, business hours 7 am to 7 pm as columns.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    const hours = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(hours[1]).toBe('7 am');
    expect(hours.at(-1)).toBe('7 pm');
    expect(cellText(table, 'Tuesday', '10 am')).toBe('67% (3)');
    expect(cellText(table, 'Wednesday', '2 pm')).toBe('0% (2)');
    expect(cellText(table, 'Monday', '9 am')).toBe('—');
    // The email is not a dial, and the old dial is outside the last 90 days.
    expect(cellText(table, 'Wednesday', '4 pm')).toBe('—');
    expect(cellText(table, 'Tuesday', '11 am')).toBe('—');

    expect(funnelCount('Dials')).toBe('5');
    expect(funnelCount('Connects')).toBe('2');
    expect(funnelCount('Meetings booked')).toBe('1');
    expect(funnelCount('Advanced')).toBe('1');
    expect(cellText(funnelTable(), 'Connects', 'Step rate')).toBe('40% of dials');
    expect(cellText(funnelTable(), 'Meetings booked', 'Step rate')).toBe('50% of connects');
    expect(cellText(funnelTable(), 'Advanced', 'Step rate')).toBe('100% of 1 contact reached');
    // The rep learns that a stage change seen on the CRM page counts, not only their own mark.
    expect(screen.getByText(/^Advanced counts contacts/).textContent?.replace(/\s+/g, ' ')).toMatch(
      /marked advanced in the side panel, and those whose stage .* changed? on their CRM record page/,
    );

    // Too few calls to compare: the page says so in plain words.
    const payoff = screen.getByRole('region', { name: 'Did preparing pay off?' });
    expect(within(payoff).getAllByText(/Too little data to compare yet/)).toHaveLength(2);
    // Every dial was inside the windows (Tue 10–11 am in Tokyo, Wed 2 pm in New York): the
    // meeting rate of calls placed, 1 of 5, with its interval; none yet outside.
    const windows = within(payoff).getByRole('table', {
      name: 'Meeting rate of calls placed inside and outside the best windows',
    });
    expect(cellText(windows, 'Calls inside the best windows', 'Meeting rate')).toBe('20% (1)');
    expect(cellText(windows, 'Calls inside the best windows', 'Calls placed')).toBe('5');
    expect(cellText(windows, 'Calls inside the best windows', '95% interval')).toBe('4%–62%');
    expect(cellText(windows, 'Calls outside them', 'Meeting rate')).toBe('—');
    expect(
      within(payoff).getByText(/^Connect rate, for comparison: 40% of calls inside/),
    ).toBeTruthy();
    const voicemails = screen.getByRole('table', { name: 'Callback rate by voicemail length' });
    expect(cellText(voicemails, '16–30 s', 'Voicemails')).toBe('1');
    expect(cellText(voicemails, '31–45 s', 'Voicemails')).toBe('1');
    const situations = screen.getByRole('table', { name: 'Outcome rates by situation' });
    // Before each attempt: Aiko new twice, then after a good call; Ben never reached (his old
    // unanswered dial counts as history even though it is outside the dates).
    expect(cellText(situations, 'New contact', 'Attempts')).toBe('5');
    expect(cellText(situations, 'After a good first call', 'Attempts')).toBe('1');
    expect(cellText(situations, 'After a good first call', 'Meeting booked')).toBe('100% (1)');
    // The canvases are pictures only; with no 2D context they stay blank.
    expect(screen.getAllByRole('img')).toHaveLength(2);
  });

  it('moves a dial to the rep’s own hour when the clock switches to My time', async () => {
    await seed();
    const user = userEvent.setup();
    render(<InsightsPage />);
    await screen.findByRole('table', { name: 'Connect rate by weekday and hour' });
    const clock = screen.getByRole('radiogroup', { name: 'Clock' });
    expect(
      (within(clock).getByRole('radio', { name: "Prospect's time" }) as HTMLInputElement).checked,
    ).toBe(true);

    await user.click(within(clock).getByRole('radio', { name: 'My time' }));
    // Tuesday 10:15–10:50 in Tokyo was Monday 8:15–8:50 pm in New York: the columns widen to 8 pm.
    await waitFor(() => expect(cellText(heatmapTable(), 'Monday', '8 pm')).toBe('67% (3)'));
    expect(cellText(heatmapTable(), 'Tuesday', '10 am')).toBe('—');
    expect(cellText(heatmapTable(), 'Wednesday', '2 pm')).toBe('0% (2)');
    // The rep's zone from Settings, named (not the machine's).
    expect(screen.getByText(/on your own clock \(New York\)\./)).toBeTruthy();

    await user.click(within(clock).getByRole('radio', { name: "Prospect's time" }));
    await waitFor(() => expect(cellText(heatmapTable(), 'Tuesday', '10 am')).toBe('67% (3)'));
  });

  it('counts only the chosen dates, and everything with All time', async () => {
    await seed();
    const user = userEvent.setup();
    render(<InsightsPage />);
    await screen.findByRole('table', { name: 'Funnel' });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-08-29');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-11-27');
    expect(funnelCount('Dials')).toBe('5');

    await user.click(screen.getByRole('checkbox', { name: 'All time' }));
    await waitFor(() => expect(funnelCount('Dials')).toBe('6'));
    expect(cellText(heatmapTable(), 'Tuesday', '11 am')).toBe('0% (1)');
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'All time' }));
    // From Wednesday 25 November (the rep's calendar): only Ben's two voicemails are left.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-25' } });
    await waitFor(() => expect(funnelCount('Dials')).toBe('2'));
    expect(funnelCount('Connects')).toBe('0');
    expect(cellText(heatmapTable(), 'Tuesday', '10 am')).toBe('—');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-24' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-02' } });
    expect(await screen.findByText(/No attempts in this period/)).toBeTruthy();
  });

  it('says there is nothing yet when no call was logged', async () => {
    await database().contacts.put(ben);
    render(<InsightsPage />);
    expect(await screen.findByText(/No calls logged yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('counts a contact once the rep marks them advanced in the panel header', async () => {
    await seed([attempt('ben', newYork(25, 14, 5), 'connected')]);
    const user = userEvent.setup();
    const { rerender } = render(
      <>
        <ContactHeader contact={ben} />
        <InsightsPage />
      </>,
    );
    await screen.findByRole('table', { name: 'Funnel' });
    expect(funnelCount('Advanced')).toBe('0');
    const toggle = screen.getByRole('button', { name: 'Mark as advanced' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    await waitFor(() => expect(funnelCount('Advanced')).toBe('1'));
    const stored = await database().contacts.get('ben');
    expect(stored?.advancedAt).toBe(NOW);

    rerender(
      <>
        <ContactHeader contact={stored!} />
        <InsightsPage />
      </>,
    );
    const pressed = screen.getByRole('button', { name: 'Advanced to next stage ✓' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    await user.click(pressed);
    await waitFor(() => expect(funnelCount('Advanced')).toBe('0'));
    expect((await database().contacts.get('ben'))?.advancedAt).toBeUndefined();
  });
});
