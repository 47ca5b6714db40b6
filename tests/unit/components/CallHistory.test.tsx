// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CallHistory } from '@/components/CallHistory';
import type { Attempt } from '@/lib/model';
import { TEXT_LIMITS } from '@/lib/model/limits';

afterEach(cleanup);

const ZONE = 'America/Chicago';
const HOUR_MS = 3_600_000;

const attempt = (id: string, note: string, extra: Partial<Attempt> = {}): Attempt => ({
  id,
  contactId: 'c1',
  at: Date.UTC(2025, 2, 3, 12),
  channel: 'call',
  outcome: 'connected',
  note,
  ...extra,
});

const items = () => within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem');

describe('History: one line per attempt, the rest on demand', () => {
  it('shows when, the outcome and the ask on one line; Details opens what was said', async () => {
    const planned = attempt('a1', 'Budget frozen until May', {
      outcome: 'voicemail',
      voicemailSeconds: 23,
      plan: {
        reference: 'Team re-keys 400 orders',
        newValue: 'The pilot saves 6 h a week',
        ask: 'A 20-minute demo on Thursday?',
        complete: true,
      },
    });
    render(<CallHistory attempts={[planned]} repZone={ZONE} />);
    const [item] = items();
    const head = item!.querySelector('.attempt-head')!;
    expect(head.textContent).toMatch(
      /^Voicemail .+ · call · 23 s voicemail · A 20-minute demo on Thursday\?Details$/,
    );
    // Folded: what was referenced, brought and said is not on screen.
    const onScreen = (text: RegExp) => within(item!).getByText(text).closest('[hidden]') === null;
    expect(onScreen(/Referenced:/)).toBe(false);
    const toggle = within(item!).getByRole('button', { name: /^Details/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(onScreen(/^Referenced: Team re-keys 400 orders$/)).toBe(true);
    expect(within(item!).getByText('Brought: The pilot saves 6 h a week')).toBeTruthy();
    expect(within(item!).getByText('Asked: A 20-minute demo on Thursday?')).toBeTruthy();
    expect(within(item!).getByText('Said: Budget frozen until May')).toBeTruthy();
    expect(within(item!).getByRole('combobox', { name: 'Outcome' })).toBeTruthy();

    await userEvent.click(toggle);
    expect(onScreen(/Referenced:/)).toBe(false);
  });

  it('reads the time on the rep’s clock, whatever the machine’s zone', () => {
    render(<CallHistory attempts={[attempt('a1', '')]} repZone="Asia/Kolkata" />);
    expect(items()[0]!.querySelector('time')?.textContent).toBe('Monday, March 3, 2025 at 5:30 pm');
  });

  it('shows the last 10 of a long history, and all of it on demand', async () => {
    const many = Array.from({ length: 13 }, (_, i) =>
      attempt(`a${i}`, '', { at: Date.UTC(2025, 2, 3, 12) - i * HOUR_MS, outcome: 'no-answer' }),
    );
    render(<CallHistory attempts={many} repZone={ZONE} />);
    expect(items()).toHaveLength(10);
    const all = screen.getByRole('button', { name: 'Show all (13)' });
    expect(all.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(all);
    expect(items()).toHaveLength(13);
    expect(all.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Show the last 10' }));
    expect(items()).toHaveLength(10);
  });
});

describe('what was said on a call, in the history', () => {
  it('is folded when long, and shown whole on a click', async () => {
    const words = Array.from({ length: TEXT_LIMITS.note / 10 }, (_, i) => `said${i}`);
    render(<CallHistory attempts={[attempt('a1', words.join(' '))]} repZone={ZONE} />);
    const list = screen.getByRole('list', { name: 'History' });
    await userEvent.click(within(list).getByRole('button', { name: /^Details/ }));
    const said = list.querySelector('.said')!;
    expect(said.textContent).toMatch(/^Said: said0 said1 /);
    expect(said.textContent).not.toContain(words.at(-1));
    const toggle = await within(list).findByRole('button', {
      name: `Show all (${words.length.toLocaleString('en-US')} words)`,
    });
    await userEvent.click(toggle);
    expect(said.textContent).toBe(`Said: ${words.join(' ')}`);
  });

  it('is shown whole when short', async () => {
    render(<CallHistory attempts={[attempt('a1', 'Budget frozen until May')]} repZone={ZONE} />);
    const list = screen.getByRole('list', { name: 'History' });
    await userEvent.click(within(list).getByRole('button', { name: /^Details/ }));
    expect(list.querySelector('.said')?.textContent).toBe('Said: Budget frozen until May');
    expect(within(list).queryByRole('button', { name: /^Show all/ })).toBeNull();
  });
});
