// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CallHistory } from '@/components/CallHistory';
import type { Attempt } from '@/lib/model';
import { TEXT_LIMITS } from '@/lib/model/limits';

afterEach(cleanup);

const attempt = (id: string, note: string): Attempt => ({
  id,
  contactId: 'c1',
  at: Date.UTC(2025, 2, 3, 12),
  channel: 'call',
  outcome: 'connected',
  note,
});

describe('what was said on a call, in the history', () => {
  it('is folded when long, and shown whole on a click', async () => {
    const words = Array.from({ length: TEXT_LIMITS.note / 10 }, (_, i) => `said${i}`);
    render(<CallHistory attempts={[attempt('a1', words.join(' '))]} repZone="UTC" />);
    const list = screen.getByRole('list', { name: 'History' });
    const said = list.querySelector('.said')!;
    expect(said.textContent).toMatch(/^Said: said0 said1 /);
    expect(said.textContent).not.toContain(words.at(-1));
    const toggle = await within(list).findByRole('button', {
      name: `Show all (${words.length.toLocaleString('en-US')} words)`,
    });
    await userEvent.click(toggle);
    expect(said.textContent).toBe(`Said: ${words.join(' ')}`);
  });

  it('is shown whole when short', () => {
    render(<CallHistory attempts={[attempt('a1', 'Budget frozen until May')]} repZone="UTC" />);
    const list = screen.getByRole('list', { name: 'History' });
    expect(list.querySelector('.said')?.textContent).toBe('Said: Budget frozen until May');
    expect(within(list).queryByRole('button')).toBeNull();
  });
});
