import { describe, expect, it } from 'vitest';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import {
  completeTask,
  dueTaskCount,
  followUpQueue,
  snoozeTask,
  tasksFallingDue,
  UPCOMING_LIMIT,
} from '@/lib/db/queue';

const NY = 'America/New_York';
const PARIS = 'Europe/Paris';
/** Wednesday 2026-05-06, 11 pm in New York: an hour before the rep's midnight. */
const WED_11PM_NY = Date.parse('2026-05-07T03:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

async function addContact(name: string): Promise<Contact> {
  const contact: Contact = {
    id: crypto.randomUUID(),
    name,
    emails: [],
    phones: [],
    identities: [],
    identityKeys: [],
    createdAt: 1,
    updatedAt: 1,
  };
  await database().contacts.add(contact);
  return contact;
}

async function addTask(contact: Contact, dueAt: number, status: Task['status'] = 'open') {
  const task: Task = {
    id: crypto.randomUUID(),
    contactId: contact.id,
    dueAt,
    channel: 'call',
    status,
    reason: 'test',
    createdAt: 1,
  };
  await database().tasks.add(task);
  return task;
}

function names(items: { contact: Contact }[]): string[] {
  return items.map((item) => item.contact.name);
}

describe('the follow-up queue', () => {
  it('splits at the rep’s own midnight, not UTC’s', async () => {
    await addContact('Nobody'); // a contact without tasks is not in the queue
    await addTask(await addContact('Due at 10 pm'), WED_11PM_NY - HOUR_MS);
    await addTask(await addContact('Due at 11:30 pm'), WED_11PM_NY + HOUR_MS / 2);
    // 00:30 Thursday in New York: still Thursday 04:30 in UTC, like now.
    await addTask(await addContact('Due at 00:30 Thursday'), WED_11PM_NY + 1.5 * HOUR_MS);
    await addTask(await addContact('Due in 3 days'), WED_11PM_NY + 3 * DAY_MS);
    await addTask(await addContact('Due in 6 weeks'), WED_11PM_NY + 42 * DAY_MS);
    await addTask(await addContact('Already done'), WED_11PM_NY - DAY_MS, 'done');

    const queue = await followUpQueue(WED_11PM_NY, NY);
    expect(names(queue.overdue)).toEqual(['Due at 10 pm']);
    expect(names(queue.today)).toEqual(['Due at 11:30 pm']);
    expect(names(queue.upcoming)).toEqual(['Due at 00:30 Thursday', 'Due in 3 days']);
    // More than 30 days out is still in the queue, as "later".
    expect(names(queue.later)).toEqual(['Due in 6 weeks']);
    expect([queue.upcomingTotal, queue.laterTotal]).toEqual([2, 1]);

    // For a rep in Paris it is 5 am Thursday: both late tasks fall on their today.
    const inParis = await followUpQueue(WED_11PM_NY, PARIS);
    expect(names(inParis.today)).toEqual(['Due at 11:30 pm', 'Due at 00:30 Thursday']);
  });

  it('sorts each bucket by due time and leaves out tasks whose contact is gone', async () => {
    const maria = await addContact('Maria');
    const sam = await addContact('Sam');
    await addTask(sam, WED_11PM_NY - 2 * HOUR_MS);
    await addTask(maria, WED_11PM_NY - 5 * HOUR_MS);
    await addTask({ ...maria, id: 'deleted' }, WED_11PM_NY - 3 * HOUR_MS);
    expect(names((await followUpQueue(WED_11PM_NY, NY)).overdue)).toEqual(['Maria', 'Sam']);
  });

  it('"call me in a month" and monthly touches, 31 days out and more, show as later', async () => {
    const maria = await addContact('Maria');
    // Midnight at the end of the 30th day after today (rep's calendar), and the minute before.
    const day31 = Date.parse('2026-06-06T04:00:00Z');
    await addTask(maria, day31 - 60_000);
    await addTask(maria, day31);
    await addTask(maria, WED_11PM_NY + 400 * DAY_MS);
    const queue = await followUpQueue(WED_11PM_NY, NY);
    expect(queue.upcoming.map((i) => i.task.dueAt)).toEqual([day31 - 60_000]);
    expect(queue.later.map((i) => i.task.dueAt)).toEqual([day31, WED_11PM_NY + 400 * DAY_MS]);
  });

  it('a long later list is shortened, with its full count, and a higher limit shows more', async () => {
    const maria = await addContact('Maria');
    await database().tasks.bulkAdd(
      Array.from({ length: 12 }, (_, i) => ({
        id: `later${i}`,
        contactId: maria.id,
        dueAt: WED_11PM_NY + (40 + i) * DAY_MS,
        channel: 'email' as const,
        status: 'open' as const,
        reason: 'Monthly nurture touch',
        createdAt: 1,
      })),
    );
    const short = await followUpQueue(WED_11PM_NY, NY, 5);
    expect(short.later).toHaveLength(5);
    expect(short.laterTotal).toBe(12);
    expect((await followUpQueue(WED_11PM_NY, NY, 10)).later).toHaveLength(10);
  });

  it('shows at most a bounded number of upcoming tasks', async () => {
    const maria = await addContact('Maria');
    await database().tasks.bulkAdd(
      Array.from({ length: UPCOMING_LIMIT + 5 }, (_, i) => ({
        id: `t${i}`,
        contactId: maria.id,
        dueAt: WED_11PM_NY + DAY_MS + i * 1000,
        channel: 'call' as const,
        status: 'open' as const,
        reason: 'test',
        createdAt: 1,
      })),
    );
    const queue = await followUpQueue(WED_11PM_NY, NY);
    expect(queue.upcoming).toHaveLength(UPCOMING_LIMIT);
    expect(queue.upcomingTotal).toBe(UPCOMING_LIMIT + 5);
  });

  it('snoozing an overdue follow-up moves it out of overdue and off the badge', async () => {
    const task = await addTask(await addContact('Maria'), WED_11PM_NY - HOUR_MS);
    expect(await dueTaskCount(WED_11PM_NY)).toBe(1);

    await snoozeTask(task.id, WED_11PM_NY + DAY_MS);
    const queue = await followUpQueue(WED_11PM_NY, NY);
    expect(queue.overdue).toEqual([]);
    expect(queue.upcoming.map((item) => item.task.dueAt)).toEqual([WED_11PM_NY + DAY_MS]);
    expect(await dueTaskCount(WED_11PM_NY)).toBe(0);
  });

  it('a follow-up marked done leaves the queue', async () => {
    const task = await addTask(await addContact('Maria'), WED_11PM_NY - HOUR_MS);
    await completeTask(task.id);
    expect((await followUpQueue(WED_11PM_NY, NY)).overdue).toEqual([]);
    await expect(completeTask('gone')).rejects.toThrow('That follow-up no longer exists.');
  });
});

describe('what the badge and the notifications read', () => {
  it('counts open follow-ups due now or earlier', async () => {
    const maria = await addContact('Maria');
    await addTask(maria, WED_11PM_NY - DAY_MS);
    await addTask(maria, WED_11PM_NY);
    await addTask(maria, WED_11PM_NY + 1);
    await addTask(maria, WED_11PM_NY - DAY_MS, 'done');
    expect(await dueTaskCount(WED_11PM_NY)).toBe(2);
  });

  it('finds the follow-ups that fell due after one check and up to the next', async () => {
    const maria = await addContact('Maria');
    const atLastCheck = await addTask(maria, WED_11PM_NY);
    const between = await addTask(maria, WED_11PM_NY + HOUR_MS);
    const atNow = await addTask(maria, WED_11PM_NY + 2 * HOUR_MS);
    await addTask(maria, WED_11PM_NY + 3 * HOUR_MS);
    const due = await tasksFallingDue(WED_11PM_NY, WED_11PM_NY + 2 * HOUR_MS);
    expect(due.map((t) => t.id)).toEqual([between.id, atNow.id]);
    expect(due.map((t) => t.id)).not.toContain(atLastCheck.id);
  });
});
