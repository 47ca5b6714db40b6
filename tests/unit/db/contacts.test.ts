import { describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '@/lib/model';
import { contactById } from '@/lib/db/contact-by-id';
import { createContactByHand, searchContacts, upsertContactFromSnapshot } from '@/lib/db/contacts';
import { database } from '@/lib/db/schema';

const hubspotMaria: ContactSnapshot = {
  site: 'hubspot',
  recordId: '501',
  url: 'https://app.hubspot.com/contacts/1/record/0-1/501',
  name: 'Maria Lopez',
  email: 'Maria.Lopez@Northwind.example',
  phone: '+1 (312) 555-0142',
  company: 'Northwind',
  title: 'VP Operations',
};

describe('upsertContactFromSnapshot', () => {
  it('stores a new contact with its CRM identity, email case-folded', async () => {
    const contact = await upsertContactFromSnapshot(hubspotMaria, 1000);
    const stored = await contactById(contact.id);
    expect(stored?.name).toBe('Maria Lopez');
    expect(stored?.emails).toEqual(['maria.lopez@northwind.example']);
    expect(stored?.phones).toEqual(['+13125550142']);
    expect(stored?.identities).toEqual([
      { site: 'hubspot', recordId: '501', url: hubspotMaria.url },
    ]);
  });

  it('updates the same record in place instead of adding a second contact', async () => {
    const first = await upsertContactFromSnapshot(hubspotMaria, 1000);
    const again = await upsertContactFromSnapshot(
      { ...hubspotMaria, name: 'María López', title: 'COO' },
      2000,
    );
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('María López');
    expect(again.title).toBe('COO');
    expect(await database().contacts.count()).toBe(1);
  });

  it('recognises the same person in Gmail by email and adds the identity', async () => {
    const first = await upsertContactFromSnapshot(hubspotMaria, 1000);
    const fromGmail = await upsertContactFromSnapshot(
      {
        site: 'gmail',
        recordId: 'maria.lopez@northwind.example',
        url: 'https://mail.google.com/mail/u/0/#inbox/abc',
        name: 'maria',
        email: 'MARIA.LOPEZ@northwind.example',
      },
      2000,
    );
    expect(fromGmail.id).toBe(first.id);
    // Another site's display name does not replace the CRM's.
    expect(fromGmail.name).toBe('Maria Lopez');
    expect(fromGmail.identities.map((i) => i.site)).toEqual(['hubspot', 'gmail']);
    expect(await database().contacts.count()).toBe(1);
  });

  it('recognises the same person by phone when there is no email', async () => {
    const first = await upsertContactFromSnapshot(hubspotMaria, 1000);
    const fromDialer = await upsertContactFromSnapshot(
      {
        site: 'demo',
        recordId: 'x',
        url: 'http://localhost/contacts/x',
        name: 'Caller',
        phone: '+1 312 555 0142',
      },
      2000,
    );
    expect(fromDialer.id).toBe(first.id);
  });

  it('keeps both values when the same email comes with a different phone', async () => {
    await upsertContactFromSnapshot(hubspotMaria, 1000);
    const merged = await upsertContactFromSnapshot(
      { ...hubspotMaria, site: 'gmail', recordId: 'm', phone: '+1 312 555 9999' },
      2000,
    );
    expect(merged.phones).toEqual(['+13125550142', '+13125559999']);
  });

  it('does not merge two different people', async () => {
    await upsertContactFromSnapshot(hubspotMaria, 1000);
    await upsertContactFromSnapshot(
      {
        site: 'hubspot',
        recordId: '777',
        url: 'https://app.hubspot.com/x',
        name: 'Ken Sato',
        email: 'ken@x.example',
      },
      2000,
    );
    expect(await database().contacts.count()).toBe(2);
  });
});

describe('a number shared by several people (an office line)', () => {
  const office = '+1 (415) 555-0100';
  const ann: ContactSnapshot = {
    site: 'hubspot',
    recordId: '1',
    url: 'https://app.hubspot.com/contacts/9/record/0-1/1',
    name: 'Ann Lee',
    email: 'ann@x.example',
    phone: office,
  };
  const bob: ContactSnapshot = {
    ...ann,
    recordId: '2',
    url: 'https://app.hubspot.com/contacts/9/record/0-1/2',
    name: 'Bob Marsh',
    email: 'bob@x.example',
  };

  it('keeps two records with different emails apart, each with the line', async () => {
    const a = await upsertContactFromSnapshot(ann, 1000);
    const b = await upsertContactFromSnapshot(bob, 2000);
    expect(b.id).not.toBe(a.id);
    expect(await database().contacts.count()).toBe(2);
    expect(await contactById(a.id)).toMatchObject({
      name: 'Ann Lee',
      emails: ['ann@x.example'],
      phones: ['+14155550100'],
    });
    expect(await contactById(b.id)).toMatchObject({
      name: 'Bob Marsh',
      emails: ['bob@x.example'],
      phones: ['+14155550100'],
    });
  });

  it('never merges an email into someone else’s number, whatever the site', async () => {
    const a = await upsertContactFromSnapshot(ann, 1000);
    const fromGmail = await upsertContactFromSnapshot(
      {
        site: 'gmail',
        recordId: 'carl@y.example',
        url: 'https://mail.google.com/mail/u/0/#inbox/abc',
        name: 'Carl',
        email: 'carl@y.example',
        phone: office,
      },
      2000,
    );
    expect(fromGmail.id).not.toBe(a.id);
    expect((await contactById(a.id))?.emails).toEqual(['ann@x.example']);
  });

  it('matches by number when the snapshot has no email (a dialer call)', async () => {
    const a = await upsertContactFromSnapshot(ann, 1000);
    const call = await upsertContactFromSnapshot(
      {
        site: 'aircall',
        recordId: '+14155550100',
        url: 'https://phone.aircall.io/',
        name: office,
        phone: office,
      },
      2000,
    );
    expect(call.id).toBe(a.id);
  });

  it('among several holders of the number, a call names the one it shows', async () => {
    await upsertContactFromSnapshot(ann, 1000);
    const b = await upsertContactFromSnapshot(bob, 2000);
    const call = await upsertContactFromSnapshot(
      {
        site: 'aircall',
        recordId: '+14155550100',
        url: 'https://phone.aircall.io/',
        name: 'Bob Marsh',
        phone: office,
      },
      3000,
    );
    expect(call.id).toBe(b.id);
  });

  it('matches by number when the stored contact has no email, and adds the address', async () => {
    const byHand = await createContactByHand({ name: 'Ann Lee', phone: office }, 1000);
    const merged = await upsertContactFromSnapshot(ann, 2000);
    expect(merged.id).toBe(byHand.id);
    expect(merged.emails).toEqual(['ann@x.example']);
  });
});

describe('contacts typed in by hand', () => {
  it('needs a name', async () => {
    await expect(createContactByHand({ name: '   ' })).rejects.toThrow('needs a name');
    expect(await database().contacts.count()).toBe(0);
  });

  it('is found by name, company or email, newest first', async () => {
    await createContactByHand({ name: 'Ada Byron', company: 'Engines Ltd' }, 1);
    await createContactByHand({ name: 'Grace Hopper', email: 'grace@navy.example' }, 2);
    expect((await searchContacts('engines')).map((c) => c.name)).toEqual(['Ada Byron']);
    expect((await searchContacts('NAVY')).map((c) => c.name)).toEqual(['Grace Hopper']);
    expect((await searchContacts('')).map((c) => c.name)).toEqual(['Grace Hopper', 'Ada Byron']);
    expect(await searchContacts('nobody')).toEqual([]);
  });
});

describe('a stage change seen on the CRM record', () => {
  it('marks the deal advanced once, and only on the contact’s own record', async () => {
    const first = await upsertContactFromSnapshot({ ...hubspotMaria, stage: 'Lead' }, 1000);
    expect(first.advancedAt).toBeUndefined();
    const same = await upsertContactFromSnapshot({ ...hubspotMaria, stage: 'Lead' }, 2000);
    expect(same.advancedAt).toBeUndefined();
    // Another site's page with another stage is not this record moving.
    const elsewhere = await upsertContactFromSnapshot(
      { ...hubspotMaria, site: 'gmail', recordId: 'm', stage: 'Customer' },
      2500,
    );
    expect(elsewhere.advancedAt).toBeUndefined();
    const moved = await upsertContactFromSnapshot(
      { ...hubspotMaria, stage: 'Sales Qualified Lead' },
      3000,
    );
    expect(moved).toMatchObject({ advancedAt: 3000, stage: 'Sales Qualified Lead' });
    const later = await upsertContactFromSnapshot({ ...hubspotMaria, stage: 'Opportunity' }, 4000);
    expect(later.advancedAt).toBe(3000);
  });

  it('does not count a move to a lost or disqualified stage, but still stores it', async () => {
    await upsertContactFromSnapshot({ ...hubspotMaria, stage: 'Potential' }, 1000);
    for (const [stage, at] of [
      ['Bad Fit', 2000],
      ['Closed Lost', 3000],
      ['Unqualified', 4000],
    ] as const) {
      const seen = await upsertContactFromSnapshot({ ...hubspotMaria, stage }, at);
      expect(seen).toMatchObject({ stage });
      expect(seen.advancedAt).toBeUndefined();
    }
    // Reopened from the lost stage into the pipeline: that is the deal moving again.
    const reopened = await upsertContactFromSnapshot({ ...hubspotMaria, stage: 'Qualified' }, 5000);
    expect(reopened.advancedAt).toBe(5000);
  });
});
