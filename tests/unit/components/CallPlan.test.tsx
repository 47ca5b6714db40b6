// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactView } from '@/components/ContactView';
import { database } from '@/lib/db/schema';
import type { Contact, Note } from '@/lib/model';
import { planOfContact } from '@/lib/db/plans';

// Tuesday 2026-11-24 09:00 in Chicago.
const NOW = Date.UTC(2026, 10, 24, 15, 0);
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
const note: Note = {
  id: 'n1',
  contactId: 'c1',
  kind: 'pain point',
  text: 'Her team re-keys about 15 hours of orders a week',
  createdAt: 0,
  updatedAt: 0,
};
const rep = {
  id: 'rep' as const,
  repName: 'Sam Reed',
  company: 'Acme',
  callbackNumber: '+1 555 0100',
  timeZone: 'America/New_York',
};

async function renderPlan(notes: Note[] = [note], withRep = true) {
  await database().contacts.put(contact);
  await database().notes.bulkPut(notes);
  if (withRep) await database().settings.put(rep);
  return render(<ContactView contactId={contact.id} contact={contact} tabId={1} />);
}

function checklistItem(name: string) {
  const list = screen.getByRole('list', { name: 'Checklist' });
  return within(list).getByRole('checkbox', { name }) as HTMLInputElement;
}

beforeEach(() => {
  // Only the clock is fixed; IndexedDB and React keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('CallPlan', () => {
  it('starts with all three elements missing, each saying why', async () => {
    await renderPlan();
    await screen.findByRole('heading', { name: 'Call plan' });
    for (const name of ['Specific reference', 'Something new', 'Direct ask']) {
      expect(checklistItem(name).checked).toBe(false);
      expect(checklistItem(name).getAttribute('aria-describedby')).toBeTruthy();
    }
    expect(screen.getByText(/No reference picked yet/)).toBeTruthy();
  });

  it('ticks each element as the rep builds the plan, and saves it as typed', async () => {
    const user = userEvent.setup();
    await renderPlan();
    await screen.findByRole('heading', { name: 'Call plan' });
    await user.click(screen.getByRole('button', { name: /^Use as reference: [a-z ]+ Her team/ }));
    expect(checklistItem('Specific reference').checked).toBe(true);

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Kind of new value' }),
      'case study',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'New value' }),
      'A distributor cut re-keying from 15 hours to 2 in six weeks',
    );
    expect(checklistItem('Something new').checked).toBe(true);

    const region = screen.getByRole('region', { name: 'Suggested ask' });
    await user.click(within(region).getByRole('button', { name: 'Use this ask' }));
    expect(checklistItem('Direct ask').checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Ask' }) as HTMLInputElement).value).toMatch(
      /^Would (Tuesday|Wednesday|Thursday) at .* or (Tuesday|Wednesday|Thursday) at /,
    );

    const saved = await planOfContact('c1');
    expect(saved.referenceNoteId).toBe('n1');
    expect(saved.newValueKind).toBe('case study');
    // No call logged yet: the ask is worded for a new contact.
    expect(saved.ask).toMatch(/to see whether this fits\?$/);
  });

  it('stops counting a picked note once the rep rewrites the reference away from it', async () => {
    const user = userEvent.setup();
    await renderPlan();
    const pick = await screen.findByRole('button', { name: /^Use as reference: [a-z ]+ Her team/ });
    await user.click(pick);
    expect(checklistItem('Specific reference').checked).toBe(true);

    const reference = screen.getByRole('textbox', { name: 'Reference' });
    await user.clear(reference);
    await user.type(reference, 'our last conversation');
    expect(checklistItem('Specific reference').checked).toBe(false);
    expect(screen.getByText(/could be said to anyone/)).toBeTruthy();
    expect(pick.getAttribute('aria-pressed')).toBe('false');
  });

  it('keeps the pick while the rewritten reference still names the same fact', async () => {
    const user = userEvent.setup();
    await renderPlan();
    await user.click(
      await screen.findByRole('button', { name: /^Use as reference: [a-z ]+ Her team/ }),
    );
    const reference = screen.getByRole('textbox', { name: 'Reference' });
    await user.clear(reference);
    await user.type(reference, 'Those 15 hours');
    expect(checklistItem('Specific reference').checked).toBe(true);
    expect(
      screen
        .getByRole('button', { name: /^Use as reference: [a-z ]+ Her team/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('un-picks a note with a second click or the Un-pick button', async () => {
    const user = userEvent.setup();
    await renderPlan();
    const pick = await screen.findByRole('button', { name: /^Use as reference: [a-z ]+ Her team/ });
    await user.click(pick);
    expect(pick.getAttribute('aria-pressed')).toBe('true');
    await user.click(pick);
    expect(pick.getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByRole('textbox', { name: 'Reference' }) as HTMLTextAreaElement).value).toBe(
      '',
    );
    expect(checklistItem('Specific reference').checked).toBe(false);

    await user.click(pick);
    await user.click(screen.getByRole('button', { name: 'Un-pick note' }));
    expect(pick.getAttribute('aria-pressed')).toBe('false');
    expect(checklistItem('Specific reference').checked).toBe(false);
    expect(screen.queryByRole('button', { name: 'Un-pick note' })).toBeNull();
    await vi.waitFor(async () =>
      expect((await planOfContact('c1')).referenceNoteId).toBeUndefined(),
    );
  });

  it('shows the rep’s own time beside the prospect’s when the zones differ', async () => {
    await renderPlan();
    const region = await screen.findByRole('region', { name: 'Suggested ask' });
    expect(region.textContent).toMatch(/your time/);
  });

  it('says the times are the rep’s own when the prospect’s zone is unknown', async () => {
    const unknown = { ...contact, id: 'c2', timeZone: undefined, phones: ['+14155550142'] };
    await database().contacts.put(unknown);
    await database().settings.put(rep);
    render(<ContactView contactId={unknown.id} contact={unknown} tabId={1} />);
    const region = await screen.findByRole('region', { name: 'Suggested ask' });
    expect(region.textContent).toContain(
      'United States — several zones, set it. Their time zone is unknown; times are yours.',
    );
    // On the rep's own clock there is no other time to show beside the slots.
    expect(region.textContent).not.toMatch(/your time/);
  });

  it('warns about check-in language as it is typed', async () => {
    const user = userEvent.setup();
    await renderPlan();
    await user.type(await screen.findByRole('textbox', { name: 'Opener' }), 'Just checking in!');
    const warnings = screen.getByRole('list', { name: 'Coach warnings' });
    expect(warnings.textContent).toMatch(/checking in/i);
  });

  it('rates the current moment in the prospect’s time', async () => {
    await renderPlan();
    const badge = await screen.findByRole('status', { name: 'Good time to call now?' });
    // 09:00 Tuesday in Chicago: business hours, not a best window.
    expect(badge.textContent).toMatch(/Tuesday 9:00 am there/);
  });

  it('shows the script with the rep’s name and marks what is missing', async () => {
    await renderPlan([], false);
    const script = await screen.findByRole('region', { name: 'Script' });
    expect(script.querySelector('mark.placeholder')?.textContent).toBe('[your name]');
    expect(script.textContent).not.toMatch(/undefined|null|NaN/);
  });

  it('keeps hostile note text as text in the script and picker', async () => {
    const user = userEvent.setup();
    const hostile = { ...note, text: '<img src=x onerror=alert(1)> 15 hours' };
    const { container } = await renderPlan([hostile]);
    await user.click(await screen.findByRole('button', { name: /^Use as reference/ }));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('region', { name: 'Script' }).textContent).toContain('<img src=x');
  });
});
