import { describe, expect, it } from 'vitest';
import { repairStoredRecords } from '@/lib/db/repair';
import { readRepSettings } from '@/lib/db/settings';
import { database } from '@/lib/db/schema';
import { integrityProblems } from '@/lib/db/integrity';
import type { Note, Task } from '@/lib/model';
import { storedContact } from '../stored-contact';

const task = (id: string, contactId: string, dueAt: number): Task => ({
  id,
  contactId,
  dueAt,
  channel: 'call',
  status: 'open',
  reason: 'call back',
  createdAt: 1,
});
const note = (id: string, contactId: string, createdAt: number): Note => ({
  id,
  contactId,
  kind: 'other',
  text: 'hi',
  createdAt,
  updatedAt: createdAt,
});

describe('removing records that cannot be shown', () => {
  it("repairs one contact's records and leaves everyone else's", async () => {
    const db = database();
    await db.contacts.bulkPut([storedContact({ id: 'c1' }), storedContact({ id: 'c2' })]);
    await db.tasks.bulkPut([
      task('t1', 'c1', 1e20),
      task('t2', 'c1', 1e20),
      task('t3', 'c2', 1e20),
    ]);
    await db.notes.bulkPut([note('n1', 'c1', -5), note('n2', 'c1', 1000)]);
    const result = await repairStoredRecords({ contactId: 'c1' });
    expect(result.lines).toEqual([
      'Removed 1 note whose date was out of range.',
      'Removed 2 follow-ups whose dates were out of range.',
    ]);
    expect((await db.tasks.toArray()).map((t) => t.id)).toEqual(['t3']);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n2']);
  });

  it('leaves no reference to a removed record: Undo and the plan never point at nothing', async () => {
    const db = database();
    await db.contacts.put(storedContact({ id: 'c1' }));
    await db.tasks.bulkPut([task('t-bad', 'c1', 1e20), task('t-ok', 'c1', 2000)]);
    await db.attempts.bulkPut([
      { id: 'a-bad', contactId: 'c1', at: 9e15, channel: 'call', outcome: 'no-answer' },
      {
        id: 'a-ok',
        contactId: 'c1',
        at: 1000,
        channel: 'call',
        outcome: 'connected',
        closedTaskIds: ['t-bad', 't-ok'],
      },
    ]);
    await db.tasks.put({ ...task('t-next', 'c1', 3000), attemptId: 'a-bad' });
    await db.notes.put(note('n-bad', 'c1', -5));
    await db.plans.put({
      contactId: 'c1',
      goal: 'Book a demo',
      referenceNoteId: 'n-bad',
      reference: 'their words',
      newValue: '',
      ask: '',
      opener: '',
      updatedAt: 1000,
    });
    await repairStoredRecords({ contactId: 'c1' });
    expect((await db.attempts.get('a-ok'))?.closedTaskIds).toEqual(['t-ok']);
    expect((await db.tasks.get('t-next'))?.attemptId).toBeUndefined();
    expect(await db.plans.get('c1')).toMatchObject({ reference: 'their words' });
    expect((await db.plans.get('c1'))?.referenceNoteId).toBeUndefined();
    expect(await integrityProblems()).toEqual([]);
  });

  it('repairs every record without a contact, keeps a contact that cannot be shown, and says so', async () => {
    const db = database();
    await db.contacts.bulkPut([
      storedContact({ id: 'c1', name: 'Ann Lee', createdAt: 1e300 }),
      storedContact({ id: 'c2' }),
    ]);
    await db.tasks.bulkPut([task('t1', 'c2', 1e20), task('t2', 'c2', 5000)]);
    await db.tasks.put({ ...task('t3', 'c2', 5000), status: 'lost' } as unknown as Task);
    const result = await repairStoredRecords();
    expect(result.removed.tasks).toBe(2);
    expect(result.keptContacts).toEqual(['Ann Lee']);
    expect(result.lines).toContain('Removed 1 follow-up whose date was out of range.');
    expect(result.lines).toContain('Removed 1 follow-up that could not be read.');
    expect(result.lines.at(-1)).toMatch(/^Kept Ann Lee's contact record/);
    expect(await db.contacts.count()).toBe(2);
    expect((await db.tasks.toArray()).map((t) => t.id)).toEqual(['t2']);
  });

  it('repairs a profile larger than it reads at once, in one pass', async () => {
    const db = database();
    const ids = Array.from({ length: 4_500 }, (_, i) => `t${String(i).padStart(5, '0')}`);
    const bad = new Set([ids[0], ids[1_999], ids[2_000], ids[4_499]]);
    await db.tasks.bulkPut(ids.map((id) => task(id, 'c1', bad.has(id) ? 1e20 : 5000)));
    const result = await repairStoredRecords();
    expect(result.lines).toEqual(['Removed 4 follow-ups whose dates were out of range.']);
    expect(await db.tasks.count()).toBe(4_496);
    expect(
      await db.tasks
        .where('id')
        .anyOf([...bad] as string[])
        .count(),
    ).toBe(0);
  });

  it('says when nothing needed removing', async () => {
    await database().tasks.put(task('t1', 'c1', 5000));
    expect((await repairStoredRecords({ contactId: 'c1' })).lines).toEqual([
      'Nothing needed removing: every record here can be shown.',
    ]);
  });
});

describe("reading the rep's settings", () => {
  const stored = {
    id: 'rep',
    repName: 'Rita',
    company: 'Acme',
    callbackNumber: '1',
    timeZone: 'Europe/Berlin',
  };

  it('keeps a zone the browser knows', () => {
    expect(readRepSettings(stored, 'Asia/Tokyo')).toEqual({ settings: stored });
  });

  it("falls back to the browser's zone, with a warning, for one it does not know", () => {
    const read = readRepSettings({ ...stored, timeZone: 'Not/AZone' }, 'Asia/Tokyo');
    expect(read.settings).toEqual({ ...stored, timeZone: 'Asia/Tokyo' });
    expect(read.warning).toBe(
      'Your time zone setting "Not/AZone" is not one this browser knows; times are shown in Asia/Tokyo. Fix it in Settings.',
    );
  });

  it('quotes a huge zone name only in part', () => {
    const read = readRepSettings({ ...stored, timeZone: 'x'.repeat(100_000) }, 'UTC');
    expect(read.warning!.length).toBeLessThan(250);
  });

  it('reads no settings as none, and unreadable ones as none with a warning', () => {
    expect(readRepSettings(undefined, 'UTC')).toEqual({ settings: null });
    const read = readRepSettings({ ...stored, repName: 42 }, 'UTC');
    expect(read.settings).toBeNull();
    expect(read.warning).toMatch(/could not be read.*Enter them again in Settings/);
  });
});
