// @vitest-environment happy-dom
// The side panel follows the call: sections fold to one line and stay folded across reloads;
// a voicemail timer however started puts the timer and its script above everything else.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactView } from '@/components/ContactView';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';
import { startVoicemailTimer } from '@/lib/messaging/voicemail-timers';
import { usePanelFolds } from '@/lib/stores/panel-folds';
import type { Contact } from '@/lib/model';

const TAB = 7;
const contact: Contact = {
  id: 'c1',
  name: 'Maria Lopez',
  emails: [],
  phones: [],
  company: 'Northwind',
  timeZone: 'America/Chicago',
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
};

afterEach(cleanup);

async function openPanel() {
  await database().contacts.put(contact);
  const view = render(<ContactView contactId={contact.id} contact={contact} tabId={TAB} />);
  await screen.findByRole('group', { name: 'Log outcome' });
  return view;
}

/** A panel closed and opened again: nothing kept in memory, only what was stored. */
function reloadPanel(view: ReturnType<typeof render>) {
  view.unmount();
  usePanelFolds.setState({ folded: {}, readStarted: false });
  return openPanel();
}

const foldButton = (name: string) =>
  within(screen.getByRole('heading', { name })).getByRole('button', { name });

/** The panel's parts in the order they are read (and tabbed through). */
function sectionOrder(container: HTMLElement): string[] {
  return [...container.querySelectorAll('section h2, header h1')].map((h) => h.textContent ?? '');
}

describe('the side panel layout', () => {
  it('folds a section to its one-line heading by click or keyboard, and remembers it after a reload', async () => {
    const user = userEvent.setup();
    let view = await openPanel();
    const plan = foldButton('Call plan');
    expect(plan.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Goal of this call' })).toBeTruthy();

    await user.click(plan);
    expect(foldButton('Call plan').getAttribute('aria-expanded')).toBe('false');
    // Hidden: out of sight and out of the keyboard's way.
    expect(screen.queryByRole('textbox', { name: 'Goal of this call' })).toBeNull();

    foldButton('Notes').focus();
    await user.keyboard('{Enter}');
    expect(foldButton('Notes').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'New note' })).toBeNull();
    await user.keyboard(' ');
    expect(foldButton('Notes').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'New note' })).toBeTruthy();

    view = await reloadPanel(view);
    await expect.poll(() => foldButton('Call plan').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'Goal of this call' })).toBeNull();
    expect(foldButton('Notes').getAttribute('aria-expanded')).toBe('true');

    await user.click(foldButton('Call plan'));
    await reloadPanel(view);
    await screen.findByRole('textbox', { name: 'Goal of this call' });
    expect(foldButton('Call plan').getAttribute('aria-expanded')).toBe('true');
  });

  it('before the call reads who, notes, plan; a timer started from the page puts the timer and the script first', async () => {
    const { container } = await openPanel();
    expect(sectionOrder(container).slice(0, 4)).toEqual([
      'Maria Lopez',
      'Notes',
      'Call plan',
      'Leaving a voicemail',
    ]);
    expect(screen.queryByRole('timer')).toBeNull();

    // Alt+Shift+V on the CRM page: the background starts the tab's timer, the panel follows.
    await startVoicemailTimer(TAB);
    const timer = await screen.findByRole('timer', { name: 'Voicemail time left' });
    expect(sectionOrder(container)[0]).toBe('Leaving a voicemail');
    const voicemail = screen.getByRole('region', { name: 'Leaving a voicemail' });
    expect(voicemail.contains(timer)).toBe(true);
    expect(voicemail.querySelector('.script-text')).toBeTruthy();
    // In use: not foldable while the timer runs.
    expect(within(voicemail).queryByRole('button', { name: 'Leaving a voicemail' })).toBeNull();
    // The outcome buttons stay the last part, pinned to the bottom.
    const sections = [...container.querySelectorAll('main section')];
    expect(sections.at(-1)?.querySelector('[aria-label="Log outcome"]')).toBeTruthy();

    await tabState.voicemailTimer.remove(TAB);
    await expect.poll(() => sectionOrder(container)[0]).toBe('Maria Lopez');
  });

  it('a folded voicemail section opens by itself when its timer starts', async () => {
    const user = userEvent.setup();
    await openPanel();
    await user.click(foldButton('Leaving a voicemail'));
    expect(foldButton('Leaving a voicemail').getAttribute('aria-expanded')).toBe('false');
    // The start button stays on the folded line.
    await user.click(screen.getByRole('button', { name: 'Start voicemail timer' }));
    await screen.findByRole('timer');
    const voicemail = screen.getByRole('region', { name: 'Leaving a voicemail' });
    expect(voicemail.querySelector('.script-text')?.closest('[hidden]')).toBeNull();
  });

  it('shows the whole goal and ask in boxes that grow, one sentence each', async () => {
    const user = userEvent.setup();
    await openPanel();
    const ask = screen.getByRole('textbox', { name: 'Ask' });
    expect(ask.tagName).toBe('TEXTAREA');
    expect(screen.getByRole('textbox', { name: 'Goal of this call' }).tagName).toBe('TEXTAREA');
    await user.type(ask, 'Fifteen minutes{Enter} on Thursday');
    expect((ask as HTMLTextAreaElement).value).toBe('Fifteen minutes on Thursday');
  });
});
