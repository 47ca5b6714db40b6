import { describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '@/lib/model';
import {
  contactForNumber,
  createContactByHand,
  findContactForSnapshot,
  storeNumber,
  storeSnapshot,
  storeSnapshotAs,
  upsertContactFromSnapshot,
} from '@/lib/db/contacts';
import { splitMerge } from '@/lib/db/split-merge';
import { database } from '@/lib/db/schema';

const SWITCHBOARD = '+1 (415) 555-0100';
const record = (
  id: string,
  name: string,
  more: Partial<ContactSnapshot> = {},
): ContactSnapshot => ({
  site: 'hubspot',
  recordId: id,
  url: `https://app.hubspot.com/contacts/9/record/0-1/${id}`,
  name,
  ...more,
});

describe('a weaker key never merges two people', () => {
  it('hubspot:456 is not merged by email into the contact of hubspot:123', async () => {
    const first = await upsertContactFromSnapshot(
      record('123', 'Jane Doe', { email: 'jane@acme.example' }),
      1000,
    );
    const other = record('456', 'Jane Doe', { email: 'jane@acme.example' });
    expect(await findContactForSnapshot(other)).toBeUndefined();
    const stored = await storeSnapshot(other, 2000);
    expect(stored.kind).toBe('stored');
    if (stored.kind !== 'stored') return;
    expect(stored.contact.id).not.toBe(first.id);
    expect((await database().contacts.get(first.id))?.identityKeys).toEqual(['hubspot:123']);
  });

  it('"Ana Ruiz" and "Tom Berg" with one address stay two contacts', async () => {
    const ana = await upsertContactFromSnapshot(
      record('1', 'Ana Ruiz', { email: 'ana@acme.example' }),
      1000,
    );
    const tom = await upsertContactFromSnapshot(
      {
        site: 'gmail',
        recordId: 'ana@acme.example',
        url: 'https://mail.google.com/x',
        name: 'Tom Berg',
        email: 'ana@acme.example',
      },
      2000,
    );
    expect(tom.id).not.toBe(ana.id);
    expect((await database().contacts.get(ana.id))?.name).toBe('Ana Ruiz');
  });

  it('"J. Doe" from Gmail joins "Jane Doe" by email, and the join is noted for Split', async () => {
    const jane = await upsertContactFromSnapshot(
      record('123', 'Jane Doe', { email: 'jane@acme.example' }),
      1000,
    );
    const stored = await storeSnapshot(
      {
        site: 'gmail',
        recordId: 'jane@acme.example',
        url: 'https://mail.google.com/x',
        name: 'J. Doe',
        email: 'jane@acme.example',
        phone: '+1 415 555 0142',
      },
      2000,
    );
    expect(stored).toMatchObject({ kind: 'stored', contact: { id: jane.id, name: 'Jane Doe' } });
    expect((await database().contacts.get(jane.id))?.merges).toEqual([
      {
        key: 'email',
        value: 'jane@acme.example',
        identity: 'gmail:jane@acme.example',
        phones: ['+14155550142'],
        name: 'J. Doe',
        at: 2000,
      },
    ]);
  });
});

describe('a shared number or address', () => {
  it('three people created by hand on one switchboard: a call brings up the choice, writes nothing', async () => {
    const people = [];
    for (const name of ['Dana Kim', 'Eli Park', 'Fay Ruiz']) {
      people.push(await createContactByHand({ name, phone: SWITCHBOARD }, 1000));
    }
    const before = await database().contacts.toArray();
    const answer = await storeNumber(SWITCHBOARD, undefined, 2000);
    expect(answer).toMatchObject({ kind: 'several', by: 'phone' });
    if (answer.kind !== 'several') return;
    expect(answer.contacts.map((c) => c.name).sort()).toEqual(['Dana Kim', 'Eli Park', 'Fay Ruiz']);
    expect(await database().contacts.toArray()).toEqual(before);

    // A dialer page showing the number: the same choice, nothing written.
    const call = {
      site: 'aircall',
      recordId: '+14155550100',
      url: 'https://phone.aircall.io/',
      name: SWITCHBOARD,
      phone: SWITCHBOARD,
    } as ContactSnapshot;
    expect(await storeSnapshot(call, 2000)).toMatchObject({ kind: 'several' });
    expect(await findContactForSnapshot(call)).toBeUndefined();
    expect(await database().contacts.toArray()).toEqual(before);

    // With the name the dialer shows, the one of that name.
    expect(await storeNumber(SWITCHBOARD, 'Eli Park', 2000)).toMatchObject({
      kind: 'stored',
      contact: { id: people[1]!.id },
    });
    expect(await contactForNumber(SWITCHBOARD, 'Eli Park', 2000)).toMatchObject({
      id: people[1]!.id,
    });
  });

  it('a HubSpot record on the switchboard is a contact of its own, not the first holder', async () => {
    const dana = await upsertContactFromSnapshot(
      record('1', 'Dana Kim', { email: 'dana@acme.example', phone: SWITCHBOARD }),
      1000,
    );
    const eli = await storeSnapshot(
      record('2', 'Eli Park', { email: 'eli@acme.example', phone: SWITCHBOARD }),
      2000,
    );
    expect(eli).toMatchObject({ kind: 'stored', contact: { name: 'Eli Park' } });
    if (eli.kind === 'stored') expect(eli.contact.id).not.toBe(dana.id);
    expect((await database().contacts.get(dana.id))?.emails).toEqual(['dana@acme.example']);
  });

  it('info@ never merges anyone', async () => {
    const ana = await createContactByHand({ name: 'Ana Ruiz', email: 'info@acme.example' }, 1000);
    const tom = await upsertContactFromSnapshot(
      record('7', 'Tom Berg', { email: 'info@acme.example' }),
      2000,
    );
    expect(tom.id).not.toBe(ana.id);
    expect((await database().contacts.get(ana.id))?.identityKeys).toEqual([]);
  });

  it('a number one contact holds still finds them, from a dialer or a phone link', async () => {
    const ann = await createContactByHand({ name: 'Ann Lee', phone: SWITCHBOARD }, 1000);
    expect(await storeNumber('415 555 0100', 'Call', 2000)).toMatchObject({
      kind: 'stored',
      contact: { id: ann.id },
    });
    expect(await database().contacts.count()).toBe(1);
  });
});

describe('Split', () => {
  it('takes the merged record, address and number back out into a contact of its own', async () => {
    const maria = await createContactByHand(
      { name: 'Maria Lopez', email: 'maria@acme.example' },
      1000,
    );
    const merged = await upsertContactFromSnapshot(
      record('501', 'Maria L.', { email: 'maria@acme.example', phone: '+1 312 555 0142' }),
      2000,
    );
    expect(merged.id).toBe(maria.id);
    const join = merged.merges![0]!;
    expect(join).toMatchObject({ key: 'email', identity: 'hubspot:501' });

    const separate = await splitMerge(maria.id, join, 3000);
    const kept = await database().contacts.get(maria.id);
    expect(kept).toMatchObject({
      name: 'Maria Lopez',
      emails: ['maria@acme.example'],
      phones: [],
      identityKeys: [],
      merges: [],
    });
    expect(await database().contacts.get(separate.id)).toMatchObject({
      name: 'Maria L.',
      emails: ['maria@acme.example'],
      phones: ['+13125550142'],
      identityKeys: ['hubspot:501'],
    });
    // The record now opens the split-off contact.
    expect((await findContactForSnapshot(record('501', 'Maria L.')))?.contact.id).toBe(separate.id);
  });

  it('changes nothing when the write fails', async () => {
    const maria = await createContactByHand({ name: 'Maria Lopez', email: 'm@acme.example' }, 1);
    const merged = await upsertContactFromSnapshot(
      record('501', 'Maria', { email: 'm@acme.example' }),
      2,
    );
    const before = await database().contacts.toArray();
    const db = database();
    const fail = () => {
      throw new Error('disk full');
    };
    db.contacts.hook('creating', fail);
    try {
      await expect(splitMerge(maria.id, merged.merges![0]!, 3)).rejects.toThrow('disk full');
    } finally {
      db.contacts.hook('creating').unsubscribe(fail);
    }
    expect(await database().contacts.toArray()).toEqual(before);
  });
});

describe('the rep’s choice among several', () => {
  it('joins the page to the contact chosen (noted for Split), or stores someone new', async () => {
    const dana = await createContactByHand({ name: 'Dana Kim', phone: SWITCHBOARD }, 1);
    await createContactByHand({ name: 'Eli Park', phone: SWITCHBOARD }, 2);
    const call = {
      site: 'aircall',
      recordId: '+14155550100',
      url: 'https://phone.aircall.io/',
      name: SWITCHBOARD,
      phone: SWITCHBOARD,
    } as ContactSnapshot;
    const answer = await storeSnapshot(call, 3);
    expect(answer.kind).toBe('several');
    const chosen = await storeSnapshotAs(call, { contactId: dana.id, by: 'phone' }, 4);
    expect(chosen).toMatchObject({ id: dana.id, identityKeys: ['aircall:+14155550100'] });
    expect(chosen.merges).toMatchObject([{ key: 'phone', identity: 'aircall:+14155550100' }]);
    // The same call again is Dana, by her dialer record.
    expect(await storeSnapshot(call, 5)).toMatchObject({
      kind: 'stored',
      contact: { id: dana.id },
    });

    const other = await storeSnapshotAs({ ...call, recordId: 'x', name: 'Gus Lee' }, 'new', 6);
    expect(other.id).not.toBe(dana.id);
    expect(await database().contacts.count()).toBe(3);
  });
});
