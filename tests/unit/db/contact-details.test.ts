import { describe, expect, it } from 'vitest';
import { contactById } from '@/lib/db/contact-by-id';
import { createContactByHand } from '@/lib/db/contacts';
import { createContactWithZone, setContactTimeZone } from '@/lib/db/contact-details';
import { database } from '@/lib/db/schema';

describe('setContactTimeZone', () => {
  it('saves the zone on the contact, and clears it again', async () => {
    const contact = await createContactByHand({ name: 'Jane Doe' }, 1);
    await setContactTimeZone(contact.id, 'Europe/Paris', 2);
    expect(await contactById(contact.id)).toMatchObject({ timeZone: 'Europe/Paris', updatedAt: 2 });
    await setContactTimeZone(contact.id, undefined, 3);
    const cleared = await contactById(contact.id);
    expect(cleared?.timeZone).toBeUndefined();
    expect('timeZone' in (cleared ?? {})).toBe(false);
  });

  it('refuses a name that is not a time zone, changing nothing', async () => {
    const contact = await createContactByHand({ name: 'Jane Doe' }, 1);
    await setContactTimeZone(contact.id, 'Asia/Tokyo', 2);
    await expect(setContactTimeZone(contact.id, 'Mars/Olympus', 3)).rejects.toThrow(
      /not a time zone/,
    );
    expect(await contactById(contact.id)).toMatchObject({ timeZone: 'Asia/Tokyo', updatedAt: 2 });
  });

  it('says so when the contact is gone', async () => {
    await expect(setContactTimeZone('nobody', 'Europe/Paris')).rejects.toThrow(/no longer exists/);
  });
});

describe('createContactWithZone', () => {
  it('creates the contact with its zone', async () => {
    const contact = await createContactWithZone({ name: 'Akira Sato', timeZone: 'Asia/Tokyo' });
    expect(await contactById(contact.id)).toMatchObject({
      name: 'Akira Sato',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('creates nothing when the zone is not one', async () => {
    await expect(createContactWithZone({ name: 'Akira Sato', timeZone: 'Tokio' })).rejects.toThrow(
      /not a time zone/,
    );
    expect(await database().contacts.count()).toBe(0);
  });

  it('leaves the zone unset when none is given', async () => {
    const contact = await createContactWithZone({ name: 'Akira Sato', timeZone: '  ' });
    expect((await contactById(contact.id))?.timeZone).toBeUndefined();
  });
});
