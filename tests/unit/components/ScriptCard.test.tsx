// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScriptCard } from '@/components/ScriptCard';
import type { Scripts } from '@/lib/coach/scripts';
import type { Situation } from '@/lib/coach/situation';

const situation: Situation = {
  key: 'after-good-call',
  label: 'After a good first call',
  why: 'Last conversation 2 days ago; no meeting booked yet.',
};
const scripts: Scripts = {
  opener: 'Hi Sarah, this is Mike Chen with Acme. When we spoke, you mentioned 15 hours a week.',
  value: 'Here is the case study: a logistics firm cut that to 2 hours.',
  close: 'Does Tuesday at 10:30 or Wednesday at 2:00 work better for a 15-minute walk-through?',
  voicemail:
    "Hi Sarah, this is Mike Chen with Acme. Call me back at 555-010-2030, or I'll call you again Thursday at 10:00.",
  gatekeeper: 'Hi, this is Mike Chen with Acme. Could you put me through?',
  brushOff: 'Understood — thanks for telling me straight.',
};

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;
beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
});
afterEach(cleanup);

/** user-event brings its own clipboard: ours goes in after it, to see exactly what is written. */
function setup(options: Parameters<typeof userEvent.setup>[0] = {}) {
  const user = userEvent.setup(options);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return user;
}

function renderCard() {
  render(<ScriptCard situation={situation} scripts={scripts} />);
  return screen.getByRole('region', { name: 'Script' });
}

describe('the copyable script', () => {
  it('copies the opener, value line and close exactly, and confirms it', async () => {
    const user = setup();
    const card = renderCard();
    await user.click(within(card).getByRole('button', { name: 'Copy script' }));
    expect(writeText).toHaveBeenCalledWith(
      `${scripts.opener}\n\n${scripts.value}\n\n${scripts.close}`,
    );
    expect(within(card).getByRole('button', { name: 'Copy script' }).textContent).toBe('Copied');
    expect(within(card).getByText('Copied to the clipboard.')).toBeTruthy();
  });

  it.each<[string, string, keyof Scripts]>([
    ['Voicemail (under 30 seconds)', 'Copy voicemail', 'voicemail'],
    ['Gatekeeper', 'Copy gatekeeper line', 'gatekeeper'],
    ['Brush-off', 'Copy brush-off pivot', 'brushOff'],
  ])('copies the %s line exactly', async (title, button, field) => {
    const user = setup();
    const card = renderCard();
    await user.click(within(card).getByText(title));
    await user.click(within(card).getByRole('button', { name: button }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(scripts[field]);
  });

  it('says plainly what to do when the browser refuses the clipboard', async () => {
    writeText.mockRejectedValueOnce(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    const user = setup();
    const card = renderCard();
    await user.click(within(card).getByRole('button', { name: 'Copy script' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toMatch(
      /^Not copied: the browser refused the clipboard\. Select the text and press Ctrl\+C/,
    );
    expect(within(card).getByRole('button', { name: 'Copy script' }).textContent).toBe('Copy');
    expect(within(card).queryByText('Copied to the clipboard.')).toBeNull();

    // A second try that works clears the message.
    await user.click(within(card).getByRole('button', { name: 'Copy script' }));
    expect(within(card).queryByRole('alert')).toBeNull();
    expect(within(card).getByText('Copied to the clipboard.')).toBeTruthy();
  });

  it('goes back to "Copy" a moment after copying', async () => {
    const user = setup();
    const card = renderCard();
    const button = within(card).getByRole('button', { name: 'Copy script' });
    await user.click(button);
    expect(button.textContent).toBe('Copied');
    await waitFor(() => expect(button.textContent).toBe('Copy'));
    expect(within(card).queryByText('Copied to the clipboard.')).toBeNull();
  });
});
