// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SuggestedAsk } from '@/components/SuggestedAsk';
import type { SuggestedAsk as Ask } from '@/lib/coach/suggest-ask';

const ask: Ask = {
  slots: [
    { at: 1, prospectLabel: 'Thursday at 2:00', repLabel: '11:00 am your time' },
    { at: 2, prospectLabel: 'Tuesday at 10:00', repLabel: '7:00 am your time' },
  ],
  text: 'Does Thursday at 2:00 or Tuesday at 10:00 work better for a 15-minute walk-through?',
  repText:
    'Does Thursday at 2:00 (11:00 am your time) or Tuesday at 10:00 (7:00 am your time) work better for a 15-minute walk-through?',
  basis: 'next-windows',
  minutes: 15,
  purpose: 'walk-through',
  why: 'Thursday at 2:00 — your connect rate Thu 2–3 pm: 60% over 100 dials.',
};

afterEach(cleanup);

describe('SuggestedAsk', () => {
  it('shows the ask, the rep’s clock and why the rep’s record chose these times', () => {
    render(<SuggestedAsk ask={ask} onUse={() => undefined} />);
    const region = screen.getByRole('region', { name: 'Suggested ask' });
    expect(region.textContent).toContain(ask.text);
    expect(region.textContent).toContain('(11:00 am your time)');
    expect(within(region).getByText(/^Why these times:/).textContent).toBe(
      'Why these times: Thursday at 2:00 — your connect rate Thu 2–3 pm: 60% over 100 dials.',
    );
  });

  it('says nothing of a reason when the general advice chose the times', () => {
    render(<SuggestedAsk ask={{ ...ask, why: undefined }} onUse={() => undefined} />);
    expect(screen.queryByText(/Why these times/)).toBeNull();
  });

  it('uses the prospect’s wording, not the rep’s clock, as the ask', async () => {
    const onUse = vi.fn();
    render(<SuggestedAsk ask={ask} onUse={onUse} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use this ask' }));
    expect(onUse).toHaveBeenCalledWith(ask.text);
  });
});
