import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import { findContactForSnapshot, upsertContactFromSnapshot } from '@/lib/db/contacts';
import { importContactsCsv, previewContactsCsv } from '@/lib/db/transfer';
import { parseCsv } from '@/lib/transfer/csv';
import { contactsFromCsv, guessMapping, guessSource } from '@/lib/transfer/crm-contacts';
import type { ImportProgress } from '@/lib/transfer/changes';

const HUBSPOT = [
  'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title',
  '51234501,Jane,Doe,Jane.Doe@Northwind.example,+1 (415) 555-0142,+1 415 555 0199,Northwind Traders,VP Operations',
  '51234502,Marco,Rossi,marco@rossi.example,,,Rossi SpA,',
  ',,,ghost@example.com,,,,',
].join('\r\n');

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const [header, ...rows] = parsed.rows;
  const source = guessSource(header!.cells);
  return contactsFromCsv(rows, guessMapping(header!.cells, source), source).contacts;
}

const pageUrl = 'https://app.hubspot.com/contacts/4412789/record/0-1/51234501';

describe('contacts from a CRM CSV', () => {
  it('previews without writing, then imports contacts the CRM page finds later', async () => {
    const rows = rowsOf(HUBSPOT);
    expect(await previewContactsCsv(rows, 1000)).toEqual({ add: 2, update: 0, unchanged: 0 });
    expect(await database().contacts.count()).toBe(0);

    const progress: ImportProgress[] = [];
    expect(await importContactsCsv(rows, (p) => progress.push(p), 1000)).toEqual({
      add: 2,
      update: 0,
      unchanged: 0,
    });
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    const jane = (await database()
      .contacts.where('identityKeys')
      .equals('hubspot:51234501')
      .first())!;
    expect(jane).toMatchObject({
      name: 'Jane Doe',
      emails: ['jane.doe@northwind.example'],
      phones: ['+14155550142', '+14155550199'],
      company: 'Northwind Traders',
      title: 'VP Operations',
      identities: [{ site: 'hubspot', recordId: '51234501', url: '' }],
    });

    // The rep opens Jane's record: the page finds the imported contact, and adds its link.
    const page = await upsertContactFromSnapshot(
      { site: 'hubspot', recordId: '51234501', url: pageUrl, name: 'Jane Doe' },
      2000,
    );
    expect(page.id).toBe(jane.id);
    expect(page.identities[0]?.url).toBe(pageUrl);
  });

  it('imports the same file again without duplicates, keeping the page link', async () => {
    const rows = rowsOf(HUBSPOT);
    await importContactsCsv(rows, undefined, 1000);
    await upsertContactFromSnapshot(
      { site: 'hubspot', recordId: '51234501', url: pageUrl, name: 'Jane Doe' },
      2000,
    );
    expect(await previewContactsCsv(rows, 3000)).toEqual({ add: 0, update: 0, unchanged: 2 });
    await importContactsCsv(rows, undefined, 3000);
    expect(await database().contacts.count()).toBe(2);
    const jane = await database().contacts.where('identityKeys').equals('hubspot:51234501').first();
    expect(jane?.identities[0]?.url).toBe(pageUrl);
  });

  it('merges by email into a contact first met elsewhere, as the page would', async () => {
    const gmail = await upsertContactFromSnapshot(
      {
        site: 'gmail',
        recordId: 'marco@rossi.example',
        url: 'https://mail.google.com/x',
        name: 'Marco',
        email: 'marco@rossi.example',
      },
      500,
    );
    const counts = await importContactsCsv(rowsOf(HUBSPOT), undefined, 1000);
    expect(counts).toEqual({ add: 1, update: 1, unchanged: 0 });
    const marco = (await database().contacts.get(gmail.id))!;
    expect(marco.identityKeys).toEqual(['gmail:marco@rossi.example', 'hubspot:51234502']);
    expect(marco.company).toBe('Rossi SpA');
    expect(marco.name).toBe('Marco'); // another site's name is not overwritten
  });

  it('adds rows without a record id as contacts without a CRM identity', async () => {
    const rows = rowsOf(
      'Name,Email,Phone,Time Zone\nAda Lovelace,ada@example.com,+44 20 7946 0000,Europe/London\n',
    );
    expect(await importContactsCsv(rows, undefined, 1000)).toEqual({
      add: 1,
      update: 0,
      unchanged: 0,
    });
    const [ada] = await database().contacts.toArray();
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      identities: [],
      identityKeys: [],
      timeZone: 'Europe/London',
    });
    expect(await importContactsCsv(rows, undefined, 2000)).toEqual({
      add: 0,
      update: 0,
      unchanged: 1,
    });
    expect(
      await findContactForSnapshot({
        site: 'x',
        recordId: '1',
        url: '',
        name: 'A',
        email: 'ada@example.com',
      }),
    ).toBeDefined();
  });

  it('writes nothing when a row fails', async () => {
    const rows = rowsOf(HUBSPOT);
    const db = database();
    let created = 0;
    const failSecond = () => {
      if (++created === 2) throw new Error('disk full');
    };
    db.contacts.hook('creating', failSecond);
    try {
      await expect(importContactsCsv(rows, undefined, 1000)).rejects.toThrow('disk full');
    } finally {
      db.contacts.hook('creating').unsubscribe(failSecond);
    }
    expect(await db.contacts.count()).toBe(0);
  });
});
