// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { ContactHeader } from '@/components/ContactHeader';
import { createContactByHand, upsertContactFromSnapshot } from '@/lib/db/contacts';
import { database } from '@/lib/db/schema';

afterEach(cleanup);

/** The header of a stored contact, live, as the panel shows it. */
function LiveHeader({ id }: { id: string }) {
  const contact = useLiveQuery(() => database().contacts.get(id), [id]);
  return contact ? <ContactHeader contact={contact} /> : null;
}

/** Maria typed in by hand, then a HubSpot record of someone else with her address merged in. */
async function mergedByEmail() {
  const maria = await createContactByHand(
    { name: 'Maria Lopez', email: 'maria@acme.example' },
    1000,
  );
  await upsertContactFromSnapshot(
    {
      site: 'hubspot',
      recordId: '501',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/501',
      name: 'M. Lopez',
      email: 'maria@acme.example',
      phone: '+1 312 555 0142',
    },
    2000,
  );
  return maria;
}

describe('the contact menu', () => {
  it('is not there when nothing was merged', async () => {
    const ada = await createContactByHand({ name: 'Ada Byron' }, 1);
    render(<LiveHeader id={ada.id} />);
    await screen.findByRole('heading', { name: 'Ada Byron' });
    expect(screen.queryByRole('button', { name: 'Contact menu' })).toBeNull();
  });

  it('splits a merge made earlier into a contact of its own, from the keyboard', async () => {
    const user = userEvent.setup();
    const maria = await mergedByEmail();
    render(<LiveHeader id={maria.id} />);
    const menuButton = await screen.findByRole('button', { name: 'Contact menu' });
    menuButton.focus();
    await user.keyboard('{Enter}');
    expect(menuButton.getAttribute('aria-expanded')).toBe('true');
    const item = screen.getByRole('menuitem', { name: 'Split M. Lopez (hubspot record 501)' });
    expect(document.activeElement).toBe(item);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);

    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    await screen.findByText('M. Lopez is a contact of their own again.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Contact menu' })).toBeNull());
    expect(await database().contacts.get(maria.id)).toMatchObject({
      phones: [],
      identityKeys: [],
    });
    const split = await database().contacts.where('identityKeys').equals('hubspot:501').first();
    expect(split).toMatchObject({ name: 'M. Lopez', phones: ['+13125550142'] });
  });

  it('says so when the split cannot be written, and changes nothing', async () => {
    const user = userEvent.setup();
    const maria = await mergedByEmail();
    const before = await database().contacts.toArray();
    const db = database();
    const fail = () => {
      throw new Error('disk full');
    };
    db.contacts.hook('creating', fail);
    try {
      render(<LiveHeader id={maria.id} />);
      await user.click(await screen.findByRole('button', { name: 'Contact menu' }));
      await user.click(screen.getByRole('menuitem', { name: /^Split M\. Lopez/ }));
      expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    } finally {
      db.contacts.hook('creating').unsubscribe(fail);
    }
    expect(await database().contacts.toArray()).toEqual(before);
  });
});
