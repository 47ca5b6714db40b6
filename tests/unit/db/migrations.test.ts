import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DB_NAME, database } from '@/lib/db/schema';
import { addNote, notesOfContact, searchNotes } from '@/lib/db/notes';
import { attemptsOfContact } from '@/lib/db/outcomes';
import { searchContacts } from '@/lib/db/contacts';
import { noteWords, noteWordsV2, searchWords } from '@/lib/db/note-words';
import { planOfContact, savePlan } from '@/lib/db/plans';
import { chosenContact, rememberChoice } from '@/lib/db/identity-choices';
import { openTasksOfContact } from '@/lib/db/outcomes';

/** Writes data the way version 1 of the extension stored it, then closes that database. */
async function storeVersion1Data() {
  const v1 = new Dexie(DB_NAME);
  v1.version(1).stores({
    contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
    notes: 'id, contactId, [contactId+createdAt]',
    attempts: 'id, contactId, [contactId+at], at',
    tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
    settings: 'id',
  });
  await v1.table('contacts').add({
    id: 'c1',
    name: 'Maria Lopez',
    emails: ['maria@northwind.example'],
    phones: ['+13125550142'],
    identities: [{ site: 'hubspot', recordId: '501', url: 'https://app.hubspot.com/x' }],
    identityKeys: ['hubspot:501'],
    createdAt: 1,
    updatedAt: 1,
  });
  await v1.table('notes').bulkAdd([
    {
      id: 'n1',
      contactId: 'c1',
      kind: 'pain point',
      text: 'Re-keys 15 hours of Orders weekly',
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 'n2',
      contactId: 'c1',
      kind: 'deadline',
      text: 'Board review before Q3',
      createdAt: 2,
      updatedAt: 2,
    },
  ]);
  await v1
    .table('attempts')
    .add({ id: 'a1', contactId: 'c1', at: 5, channel: 'call', outcome: 'connected' });
  await v1.table('tasks').add({
    id: 't1',
    contactId: 'c1',
    dueAt: 9,
    channel: 'call',
    status: 'open',
    reason: 'x',
    createdAt: 5,
  });
  await v1.table('settings').put({
    id: 'rep',
    repName: 'Sam',
    company: 'Acme',
    callbackNumber: '555',
    timeZone: 'Europe/Berlin',
  });
  v1.close();
}

describe('upgrading the database from version 1', () => {
  it('keeps every record and makes old notes searchable by word', async () => {
    await storeVersion1Data();
    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.contacts.get('c1')).toMatchObject({
      name: 'Maria Lopez',
      identityKeys: ['hubspot:501'],
    });
    expect(await db.attempts.count()).toBe(1);
    expect(await db.tasks.get('t1')).toMatchObject({ status: 'open', dueAt: 9 });
    expect(await db.settings.get('rep')).toMatchObject({ repName: 'Sam' });
    expect((await db.notes.get('n1'))?.words).toEqual([
      're',
      'keys',
      '15',
      'hours',
      'orders',
      'weekly',
    ]);
    expect((await searchNotes('orders')).map((n) => n.id)).toEqual(['n1']);
    expect((await searchNotes('BOARD q3')).map((n) => n.id)).toEqual(['n2']);
  });

  it('starts every old contact with an empty plan that can be saved', async () => {
    await storeVersion1Data();
    expect(await planOfContact('c1')).toMatchObject({ contactId: 'c1', goal: '', ask: '' });
    await savePlan({ ...(await planOfContact('c1')), goal: 'Book the walk-through' }, 10);
    expect(await planOfContact('c1')).toMatchObject({
      goal: 'Book the walk-through',
      updatedAt: 10,
    });
  });
});

describe('searchNotes', () => {
  it('finds notes by word prefix, not by substring inside a word', async () => {
    await addNote('c1', 'other', 'Integration with Salesforce', 1);
    await addNote('c2', 'other', 'Nothing relevant', 2);
    expect((await searchNotes('integr')).map((n) => n.text)).toEqual([
      'Integration with Salesforce',
    ]);
    expect(await searchNotes('egration')).toEqual([]);
    expect(await searchNotes('   ')).toEqual([]);
  });
});

describe('upgrading to version 3', () => {
  it('rewrites stored phone numbers in E.164 and merges duplicates', async () => {
    const v2 = new Dexie(DB_NAME);
    v2.version(2).stores({
      contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
      notes: 'id, contactId, [contactId+createdAt], *words',
      attempts: 'id, contactId, [contactId+at], at',
      tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
      settings: 'id',
      plans: 'contactId, updatedAt',
    });
    await v2.table('contacts').add({
      id: 'c1',
      name: 'Maria Lopez',
      emails: [],
      // As v2 stored them: digits only, with and without the country code.
      phones: ['4155550142', '+14155550142', '+442075550199', '12'],
      identities: [],
      identityKeys: [],
      createdAt: 1,
      updatedAt: 1,
    });
    v2.close();
    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect((await db.contacts.get('c1'))?.phones).toEqual(['+14155550142', '+442075550199', '12']);
    expect(await db.contacts.where('phones').equals('+14155550142').count()).toBe(1);
  });
});

describe('upgrading to version 4', () => {
  it('takes function words out of old notes’ words, and search finds the same notes', async () => {
    const v3 = new Dexie(DB_NAME);
    v3.version(3).stores({
      contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
      notes: 'id, contactId, [contactId+createdAt], *words',
      attempts: 'id, contactId, [contactId+at], at',
      tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
      settings: 'id',
      plans: 'contactId, updatedAt',
    });
    const texts = {
      n1: 'Wants to cut the re-keying of orders before the board meets in March',
      n2: 'IT team has to sign off on the security review; will call us back',
      n3: 'Theresa is the one who signs',
    };
    // As v2 and v3 stored notes: every word indexed.
    await v3.table('notes').bulkAdd(
      Object.entries(texts).map(([id, text], i) => ({
        id,
        contactId: 'c1',
        kind: 'other',
        text,
        words: noteWordsV2(text),
        createdAt: i,
        updatedAt: i,
      })),
    );
    expect(await v3.table('notes').where('words').equals('the').count()).toBe(3);
    const entriesBefore = await v3.table('notes').where('words').above('').count();
    v3.close();

    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect((await db.notes.get('n1'))?.words).toEqual([
      'wants',
      'cut',
      're',
      'keying',
      'orders',
      'before',
      'board',
      'meets',
      'march',
    ]);
    expect((await db.notes.get('n2'))?.words).toEqual(
      expect.arrayContaining(['it', 'team', 'sign', 'off', 'security', 'review', 'will', 'us']),
    );
    expect(await db.notes.where('words').equals('the').count()).toBe(0);
    const entriesAfter = await db.notes.where('words').above('').count();
    expect(entriesAfter).toBeLessThanOrEqual(entriesBefore * 0.7);

    // What a rep would type still finds the same notes.
    const found = async (query: string) => (await searchNotes(query)).map((n) => n.id).sort();
    expect(await found('board')).toEqual(['n1']);
    expect(await found('the board')).toEqual(['n1']);
    expect(await found('re-keying orders')).toEqual(['n1']);
    expect(await found('IT security')).toEqual(['n2']);
    expect(await found('call us back')).toEqual(['n2']);
    expect(await found('theresa')).toEqual(['n3']);
    expect(await found('sign')).toEqual(['n2', 'n3']);
  });

  it('reads a search as it is typed: a last function word may be the start of a name', () => {
    expect(searchWords('the board')).toEqual(['board']);
    expect(searchWords('board with the')).toEqual(['board', 'the']);
    expect(searchWords('board with the ')).toEqual(['board']);
    expect(searchWords('IT')).toEqual(['it']);
    expect(noteWords('Call the IT team and the US office')).toEqual([
      'call',
      'it',
      'team',
      'us',
      'office',
    ]);
  });
});

describe('upgrading to version 5', () => {
  it('drops the indexes nothing reads, and every query still answers from v4 data', async () => {
    const v4 = new Dexie(DB_NAME);
    v4.version(4).stores({
      contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
      notes: 'id, contactId, [contactId+createdAt], *words',
      attempts: 'id, contactId, [contactId+at], at',
      tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
      settings: 'id',
      plans: 'contactId, updatedAt',
    });
    await v4.table('contacts').add({
      id: 'c1',
      name: 'Maria Lopez',
      emails: ['maria@northwind.example'],
      phones: ['+13125550142'],
      identities: [],
      identityKeys: ['hubspot:501'],
      createdAt: 1,
      updatedAt: 5,
    });
    await v4.table('notes').bulkAdd([
      {
        id: 'n1',
        contactId: 'c1',
        kind: 'deadline',
        text: 'Board review in Q3',
        words: ['board', 'review', 'q3'],
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'n2',
        contactId: 'c2',
        kind: 'other',
        text: 'Someone else',
        words: ['someone', 'else'],
        createdAt: 2,
        updatedAt: 2,
      },
    ]);
    await v4.table('attempts').bulkAdd([
      { id: 'a1', contactId: 'c1', at: 10, channel: 'call', outcome: 'no-answer' },
      { id: 'a2', contactId: 'c1', at: 20, channel: 'call', outcome: 'voicemail' },
    ]);
    v4.close();

    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[contactId+createdAt]',
      'words',
    ]);
    expect(db.attempts.schema.indexes.map((i) => i.name).sort()).toEqual(['[contactId+at]', 'at']);
    expect(db.contacts.schema.indexes.map((i) => i.name)).not.toContain('name');
    expect((await notesOfContact('c1')).map((n) => n.id)).toEqual(['n1']);
    expect((await attemptsOfContact('c1')).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect((await searchNotes('board')).map((n) => n.id)).toEqual(['n1']);
    expect((await searchContacts('maria')).map((c) => c.id)).toEqual(['c1']);
  });
});

describe('upgrading to version 6', () => {
  it('adds the rep’s identity choices and keeps every v5 record as it was', async () => {
    const v5 = new Dexie(DB_NAME);
    v5.version(5).stores({
      contacts: 'id, *identityKeys, *emails, *phones, updatedAt',
      notes: 'id, [contactId+createdAt], *words',
      attempts: 'id, [contactId+at], at',
      tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
      settings: 'id',
      plans: 'contactId, updatedAt',
    });
    const maria = {
      id: 'c1',
      name: 'Maria Lopez',
      emails: ['maria@northwind.example'],
      phones: ['+13125550142'],
      company: 'Northwind',
      identities: [{ site: 'hubspot', recordId: '501', url: 'https://app.hubspot.com/x' }],
      identityKeys: ['hubspot:501'],
      createdAt: 1,
      updatedAt: 5,
    };
    const note = {
      id: 'n1',
      contactId: 'c1',
      kind: 'deadline',
      text: 'Board review in Q3',
      words: noteWords('Board review in Q3'),
      createdAt: 1,
      updatedAt: 1,
    };
    const attempt = { id: 'a1', contactId: 'c1', at: 10, channel: 'call', outcome: 'voicemail' };
    const task = {
      id: 't1',
      contactId: 'c1',
      dueAt: 99,
      channel: 'call',
      status: 'open',
      reason: 'Try again Thursday',
      attemptId: 'a1',
      createdAt: 10,
    };
    const plan = {
      contactId: 'c1',
      goal: 'Book the pilot',
      reference: '',
      newValue: '',
      ask: '',
      opener: '',
      updatedAt: 7,
    };
    const rep = {
      id: 'rep',
      repName: 'Sam',
      company: 'Acme',
      callbackNumber: '5',
      timeZone: 'UTC',
    };
    await v5.table('contacts').add(maria);
    await v5.table('notes').add(note);
    await v5.table('attempts').add(attempt);
    await v5.table('tasks').add(task);
    await v5.table('plans').add(plan);
    await v5.table('settings').add(rep);
    v5.close();

    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.contacts.toArray()).toEqual([maria]);
    expect(await db.notes.toArray()).toEqual([note]);
    expect(await db.attempts.toArray()).toEqual([attempt]);
    expect(await db.tasks.toArray()).toEqual([task]);
    expect(await db.plans.toArray()).toEqual([plan]);
    expect(await db.settings.toArray()).toEqual([rep]);
    expect((await searchNotes('board')).map((n) => n.id)).toEqual(['n1']);
    expect((await openTasksOfContact('c1')).map((t) => t.id)).toEqual(['t1']);

    // The new table starts empty and keeps a choice.
    expect(await chosenContact('gmail:thread-1')).toBeUndefined();
    await rememberChoice('gmail:thread-1', 'c1', 20);
    expect((await chosenContact('gmail:thread-1'))?.name).toBe('Maria Lopez');
  });
});

describe('upgrading to version 7', () => {
  it('finds a contact’s follow-ups by status, with every v6 record kept as it was', async () => {
    const v6 = new Dexie(DB_NAME);
    v6.version(6).stores({
      contacts: 'id, *identityKeys, *emails, *phones, updatedAt',
      notes: 'id, [contactId+createdAt], *words',
      attempts: 'id, [contactId+at], at',
      tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
      settings: 'id',
      plans: 'contactId, updatedAt',
      identityChoices: 'record',
    });
    const task = (id: string, contactId: string, status: string, dueAt: number) => ({
      id,
      contactId,
      dueAt,
      channel: 'call',
      status,
      reason: 'Try again',
      createdAt: 1,
    });
    const tasks = [
      task('done-1', 'c1', 'done', 5),
      task('open-late', 'c1', 'open', 90),
      task('open-soon', 'c1', 'open', 40),
      task('done-2', 'c1', 'done', 60),
      task('other', 'c2', 'open', 10),
    ];
    await v6.table('tasks').bulkAdd(tasks);
    await v6.table('identityChoices').add({ record: 'gmail:t1', contactId: 'c1', at: 3 });
    v6.close();

    const db = database();
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(db.tasks.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[contactId+status]',
      '[status+dueAt]',
      'attemptId',
      'dueAt',
    ]);
    expect(await db.tasks.orderBy('id').toArray()).toEqual(
      [...tasks].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Open ones only, soonest first; a query by contact alone still answers.
    expect((await openTasksOfContact('c1')).map((t) => t.id)).toEqual(['open-soon', 'open-late']);
    expect(await db.tasks.where('contactId').equals('c1').count()).toBe(4);
    expect(await db.identityChoices.toArray()).toEqual([
      { record: 'gmail:t1', contactId: 'c1', at: 3 },
    ]);
  });
});
