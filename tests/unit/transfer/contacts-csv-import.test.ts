import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import { findContactForSnapshot, upsertContactFromSnapshot } from '@/lib/db/contacts';
import { CSV_CHUNK, importContactsCsv, previewContactsCsv } from '@/lib/db/contacts-csv-import';
import { IMPORT_CHUNK } from '@/lib/db/chunked-write';
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
    expect(await previewContactsCsv(rows, { now: 1000 })).toEqual({
      add: 2,
      update: 0,
      unchanged: 0,
    });
    expect(await database().contacts.count()).toBe(0);

    const progress: ImportProgress[] = [];
    expect(
      await importContactsCsv(rows, { onProgress: (p) => progress.push(p), now: 1000 }),
    ).toEqual({
      add: 2,
      update: 0,
      unchanged: 0,
    });
    expect(progress).toEqual([
      { phase: 'checking', done: 0, total: 2 },
      { phase: 'checking', done: 2, total: 2 },
      { phase: 'writing', done: 0, total: 2 },
      { phase: 'writing', done: 2, total: 2 },
    ]);
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
    await importContactsCsv(rows, { now: 1000 });
    await upsertContactFromSnapshot(
      { site: 'hubspot', recordId: '51234501', url: pageUrl, name: 'Jane Doe' },
      2000,
    );
    expect(await previewContactsCsv(rows, { now: 3000 })).toEqual({
      add: 0,
      update: 0,
      unchanged: 2,
    });
    await importContactsCsv(rows, { now: 3000 });
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
    const counts = await importContactsCsv(rowsOf(HUBSPOT), { now: 1000 });
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
    expect(await importContactsCsv(rows, { now: 1000 })).toEqual({
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
    expect(await importContactsCsv(rows, { now: 2000 })).toEqual({
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
      await expect(importContactsCsv(rows, { now: 1000 })).rejects.toThrow('disk full');
    } finally {
      db.contacts.hook('creating').unsubscribe(failSecond);
    }
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('a small CSV against many stored contacts (looked up, not read whole)', () => {
  it('finds each row’s contact by CRM record, email or phone, and guesses no one on a tie', async () => {
    const stored = Array.from({ length: 40 }, (_, i) => ({
      id: `s-${String(i).padStart(2, '0')}`,
      name: `Stored ${i}`,
      emails: [`s${i}@stored.example`],
      phones: [`+1415555${String(1000 + i)}`],
      // Each identity key stands for an identity, as every write keeps them.
      identities:
        i === 3
          ? [{ site: 'hubspot', recordId: '60003', url: '' }]
          : [{ site: 'salesforce', recordId: String(i), url: '' }],
      identityKeys: i === 3 ? ['hubspot:60003'] : [`salesforce:${i}`],
      createdAt: 1,
      updatedAt: 1,
    }));
    // Two more stored contacts hold Stored 5's email, both named "Twin".
    stored.push({ ...stored[5]!, id: 's-99', name: 'Twin', identities: [], identityKeys: [] });
    stored.push({ ...stored[5]!, id: 's-00a', name: 'Twin', identities: [], identityKeys: [] });
    await database().contacts.bulkPut(stored);
    const rows = rowsOf(
      [
        'Record ID,Name,Email,Phone Number',
        '60003,By Record,,',
        '99001,Stored 5,s5@stored.example,',
        '99002,Stored 7,,+1 415 555 1007',
        '99003,New Person,new@x.example,',
        '99004,Twin,s5@stored.example,',
      ].join('\n'),
    );
    expect(await previewContactsCsv(rows, { now: 1000 })).toEqual({
      add: 2,
      update: 3,
      unchanged: 0,
    });
    await importContactsCsv(rows, { now: 1000 });
    const db = database();
    expect((await db.contacts.get('s-03'))?.name).toBe('By Record');
    // Of three holders of the address, the one of the same name.
    expect((await db.contacts.get('s-05'))?.identityKeys).toEqual([
      'salesforce:5',
      'hubspot:99001',
    ]);
    expect((await db.contacts.get('s-07'))?.identityKeys).toEqual([
      'salesforce:7',
      'hubspot:99002',
    ]);
    // Either twin could be meant: neither is guessed.
    expect((await db.contacts.get('s-99'))?.identityKeys).toEqual([]);
    expect((await db.contacts.get('s-00a'))?.identityKeys).toEqual([]);
    expect(await db.contacts.where('identityKeys').equals('hubspot:99004').count()).toBe(1);
    expect(await db.contacts.count()).toBe(44);
  });
});

describe('a 50,000-row contacts CSV', () => {
  /** A HubSpot export of `n` rows; from row 1,500 on, every 10th row (ending in 9) repeats the
   *  email of the row 1,501 before it (ending in 8), without a record id, so a later chunk meets
   *  a contact an earlier chunk added. */
  function bigExport(n: number): string {
    const lines = ['Record ID,First Name,Last Name,Email,Phone Number,Company Name'];
    for (let i = 0; i < n; i++) {
      // A repeat is the same person again: same name, email and company (another record id
      // would be another person: see lib/db/identity-match).
      const k = i % 10 === 9 && i >= 1500 ? i - 1501 : i;
      const phone = `+1 212 555 ${String(i % 10_000).padStart(4, '0')}`;
      lines.push(
        `${k === i ? 70_000_000 + i : ''},First${k},Last${k},p${k}@big.example,${i < 10_000 ? phone : ''},Co ${k % 97}`,
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it('previews and imports in chunks with progress, merging as the page would', async () => {
    const n = 50_000;
    const rows = rowsOf(bigExport(n));
    expect(rows).toHaveLength(n);
    // Stored before: the person of row 7 met on their HubSpot page, and someone met in Gmail
    // whose email is row 20's.
    const page = await upsertContactFromSnapshot(
      {
        site: 'hubspot',
        recordId: '70000007',
        url: 'https://app.hubspot.com/x/70000007',
        name: 'P7',
      },
      500,
    );
    const gmail = await upsertContactFromSnapshot(
      {
        site: 'gmail',
        recordId: 'p20@big.example',
        url: 'https://mail.google.com/x',
        name: 'First20',
        email: 'p20@big.example',
      },
      500,
    );

    const checked: ImportProgress[] = [];
    const preview = await previewContactsCsv(rows, {
      now: 1000,
      onProgress: (p) => checked.push(p),
    });
    expect(await database().contacts.count()).toBe(2);
    const repeats = (n - 1500) / 10;
    expect(preview).toEqual({ add: n - repeats - 2, update: 2, unchanged: 0 });
    expect(checked[0]).toEqual({ phase: 'checking', done: 0, total: n });
    expect(checked).toHaveLength(n / CSV_CHUNK + 1);
    expect(checked.at(-1)).toEqual({ phase: 'checking', done: n, total: n });

    const progress: ImportProgress[] = [];
    const counts = await importContactsCsv(rows, {
      now: 1000,
      onProgress: (p) => progress.push(p),
    });
    expect(counts).toEqual(preview);
    const writing = progress.filter((p) => p.phase === 'writing');
    const written = n - repeats;
    expect(writing[0]).toEqual({ phase: 'writing', done: 0, total: written });
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: written, total: written });
    expect(writing.length).toBe(Math.ceil(written / IMPORT_CHUNK) + 1);
    expect(writing.every((p, i) => i === 0 || p.done > writing[i - 1]!.done)).toBe(true);

    const db = database();
    // Rows repeating an email merge into the contact an earlier row made: one contact each.
    expect(await db.contacts.count()).toBe(written);
    const p7 = (await db.contacts.get(page.id))!;
    expect(p7).toMatchObject({ name: 'First7 Last7', emails: ['p7@big.example'] });
    expect(p7.identities[0]?.url).toBe('https://app.hubspot.com/x/70000007');
    const p20 = (await db.contacts.get(gmail.id))!;
    expect(p20.identityKeys).toEqual(['gmail:p20@big.example', 'hubspot:70000020']);
    const pairs: [number, number][] = [
      [8, 1509],
      [48_498, 49_999],
    ];
    for (const [first, repeat] of pairs) {
      const merged = await db.contacts.where('emails').equals(`p${first}@big.example`).toArray();
      expect(merged).toHaveLength(1);
      expect(merged[0]!.identityKeys).toEqual([`hubspot:${70_000_000 + first}`]);
      // Rows under 10,000 have a number: the repeat's joined by email, beside the first's.
      expect(merged[0]!.phones).toHaveLength([first, repeat].filter((i) => i < 10_000).length);
    }

    // The same file again changes one contact: Gmail's, met by email the first time, is now
    // found by its HubSpot record, whose name wins as when the rep opens that record.
    expect(await previewContactsCsv(rows, { now: 2000 })).toEqual({
      add: 0,
      update: 1,
      unchanged: written - 1,
    });
    await importContactsCsv(rows, { now: 2000 });
    expect((await db.contacts.get(gmail.id))?.name).toBe('First20 Last20');
    expect(await previewContactsCsv(rows, { now: 3000 })).toEqual({
      add: 0,
      update: 0,
      unchanged: written,
    });
  }, 240_000);

  it('stops a preview when asked, and a write that fails part-way leaves nothing', async () => {
    const rows = rowsOf(bigExport(3 * CSV_CHUNK));
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    await expect(
      previewContactsCsv(rows, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.done >= CSV_CHUNK) controller.abort();
        },
      }),
    ).rejects.toThrow();
    expect(seen.at(-1)?.done).toBe(CSV_CHUNK);

    const db = database();
    let created = 0;
    const failLate = () => {
      if (++created === IMPORT_CHUNK + 5) throw new Error('disk full');
    };
    db.contacts.hook('creating', failLate);
    try {
      await expect(importContactsCsv(rows)).rejects.toThrow('disk full');
    } finally {
      db.contacts.hook('creating').unsubscribe(failLate);
    }
    expect(created).toBeGreaterThan(IMPORT_CHUNK);
    expect(await db.contacts.count()).toBe(0);
  }, 120_000);
});
