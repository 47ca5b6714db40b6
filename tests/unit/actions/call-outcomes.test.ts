import { describe, expect, it, vi } from 'vitest';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { describeWriteError } from '@/lib/db/errors';
import { attemptsOfContact, nextTaskOfContact, noteOnAttempt } from '@/lib/db/outcomes';
import {
  closeFile,
  logOutcome,
  moveToNurture,
  rescheduleTask,
  undoOutcome,
} from '@/lib/actions/call-outcomes';

const NY = 'America/New_York';
/** Wednesday 2026-05-06, 10:00 in New York (EDT, UTC−4). */
const WED_10AM_NY = Date.parse('2026-05-06T14:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

async function addContact(overrides: Partial<Contact> = {}): Promise<Contact> {
  const contact: Contact = {
    id: crypto.randomUUID(),
    name: 'Maria Lopez',
    emails: ['maria@northwind.example'],
    phones: ['+13125550142'],
    timeZone: NY,
    identities: [],
    identityKeys: [],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
  await database().contacts.add(contact);
  return contact;
}

/** Every table, in full: what "nothing else changed" means. */
async function everything(): Promise<Record<string, unknown[]>> {
  const db = database();
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  return Object.fromEntries(tables);
}

async function openTasks(contactId: string): Promise<Task[]> {
  return (await database().tasks.where('contactId').equals(contactId).toArray()).filter(
    (t) => t.status === 'open',
  );
}

describe('logging an outcome', () => {
  it('writes the attempt and its next follow-up, due when the cadence says', async () => {
    const maria = await addContact();
    const { attempt, task } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });

    expect(await attemptsOfContact(maria.id)).toEqual([attempt]);
    expect(attempt).toMatchObject({ outcome: 'connected', channel: 'call', at: WED_10AM_NY });
    // Two business days after Wednesday is Friday; 10:00 their time is the first workable slot.
    expect(task).toMatchObject({
      contactId: maria.id,
      attemptId: attempt.id,
      status: 'open',
      channel: 'call',
      dueAt: Date.parse('2026-05-08T14:00:00Z'),
      reason: '2 business days after a connected call',
    });
    expect(await nextTaskOfContact(maria.id)).toEqual(task);
  });

  it('gives a contact who prefers email an email task', async () => {
    const maria = await addContact({ preferredChannel: 'email' });
    const { task } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    expect(task?.channel).toBe('email');
    expect(task?.reason).toMatch(/email, as they prefer/);
  });

  it('logs sent information as an email attempt', async () => {
    const maria = await addContact();
    const { attempt } = await logOutcome({
      contactId: maria.id,
      outcome: 'sent-info',
      now: WED_10AM_NY,
      repZone: NY,
    });
    expect(attempt.channel).toBe('email');
  });

  it('schedules the agreed time exactly', async () => {
    const maria = await addContact();
    const agreedAt = Date.parse('2026-06-09T15:00:00Z');
    const { attempt, task } = await logOutcome({
      contactId: maria.id,
      outcome: 'call-back',
      now: WED_10AM_NY,
      repZone: NY,
      agreedAt,
    });
    expect(attempt.agreedAt).toBe(agreedAt);
    expect(task?.dueAt).toBe(agreedAt);
  });

  it('closes the follow-up that was waiting: this call was it', async () => {
    const maria = await addContact();
    const first = await logOutcome({
      contactId: maria.id,
      outcome: 'voicemail',
      now: WED_10AM_NY,
      repZone: NY,
    });
    const second = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + 2 * DAY_MS,
      repZone: NY,
    });
    expect(second.attempt.closedTaskIds).toEqual([first.task?.id]);
    expect(await openTasks(maria.id)).toEqual([second.task]);
    expect((await attemptsOfContact(maria.id)).map((a) => a.outcome)).toEqual([
      'connected',
      'voicemail',
    ]);
  });

  it('books a meeting as a "Meeting" task at its time, and a wrong number as no task', async () => {
    const maria = await addContact();
    const meetingAt = Date.parse('2026-05-12T14:30:00Z');
    const booked = await logOutcome({
      contactId: maria.id,
      outcome: 'meeting-booked',
      now: WED_10AM_NY,
      repZone: NY,
      agreedAt: meetingAt,
    });
    expect(booked.task).toMatchObject({ dueAt: meetingAt, reason: 'Meeting' });

    const wrong = await logOutcome({
      contactId: maria.id,
      outcome: 'wrong-number',
      now: WED_10AM_NY + 1000,
      repZone: NY,
    });
    expect(wrong.task).toBeNull();
    expect(await nextTaskOfContact(maria.id)).toBeUndefined();
  });

  it('says so when the contact is gone, writing nothing', async () => {
    await expect(
      logOutcome({ contactId: 'gone', outcome: 'connected', now: WED_10AM_NY, repZone: NY }),
    ).rejects.toThrow('That contact no longer exists.');
    expect(await database().attempts.count()).toBe(0);
  });
});

describe('a failed write leaves nothing half-written', () => {
  async function contactWithOpenTask() {
    const maria = await addContact();
    const earlier = await logOutcome({
      contactId: maria.id,
      outcome: 'voicemail',
      now: WED_10AM_NY,
      repZone: NY,
    });
    return { maria, openTask: earlier.task };
  }

  it('a full disk while writing the task keeps the attempt out and the old task open', async () => {
    const { maria, openTask } = await contactWithOpenTask();
    const before = await everything();
    vi.spyOn(database().tasks, 'add').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );

    const failed = logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + DAY_MS,
      repZone: NY,
    });
    const error: unknown = await failed.catch((e: unknown) => e);
    expect(describeWriteError(error)).toMatch(/out of storage space, so nothing was saved/);

    expect(await everything()).toEqual(before);
    expect(await attemptsOfContact(maria.id)).toHaveLength(1);
    expect(await nextTaskOfContact(maria.id)).toEqual(openTask);
  });

  it('an error raised inside Dexie’s own task write rolls the whole log back', async () => {
    const { maria } = await contactWithOpenTask();
    const before = await everything();
    database().tasks.hook('creating', () => {
      throw new Error('disk gone');
    });
    await expect(
      logOutcome({
        contactId: maria.id,
        outcome: 'connected',
        now: WED_10AM_NY + DAY_MS,
        repZone: NY,
      }),
    ).rejects.toThrow('disk gone');
    expect(await everything()).toEqual(before);
  });
});

describe('undo', () => {
  it('restores every table exactly as it was before the click', async () => {
    const maria = await addContact();
    await logOutcome({ contactId: maria.id, outcome: 'voicemail', now: WED_10AM_NY, repZone: NY });
    const before = await everything();

    const { attempt } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + DAY_MS,
      repZone: NY,
      voicemailSeconds: 25,
      plan: { goal: 'Book the demo', complete: true },
      note: 'Asked for pricing',
    });
    expect(await everything()).not.toEqual(before);

    await undoOutcome(attempt.id);
    expect(await everything()).toEqual(before);
    // A second click finds nothing left to undo.
    await undoOutcome(attempt.id);
    expect(await everything()).toEqual(before);
  });
});

describe('after the click', () => {
  it('keeps the note typed after the outcome, and an empty note clears it', async () => {
    const maria = await addContact();
    const { attempt } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    await noteOnAttempt(attempt.id, '  Wants a case study from retail  ');
    expect((await attemptsOfContact(maria.id))[0]?.note).toBe('Wants a case study from retail');
    await noteOnAttempt(attempt.id, ' ');
    expect((await attemptsOfContact(maria.id))[0]).not.toHaveProperty('note');
    await expect(noteOnAttempt('gone', 'x')).rejects.toThrow('no longer exists');
  });

  it('moves the next follow-up when the rep edits it', async () => {
    const maria = await addContact();
    const { task } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    const later = Date.parse('2026-05-12T18:00:00Z');
    await rescheduleTask(task!.id, later, 'email');
    expect(await nextTaskOfContact(maria.id)).toMatchObject({ dueAt: later, channel: 'email' });
    // Saving the same values again is not an error.
    await rescheduleTask(task!.id, later, 'email');
    await expect(rescheduleTask('gone', later, 'call')).rejects.toThrow('no longer exists');
  });

  it('lists attempts newest first, and only this contact’s', async () => {
    const maria = await addContact();
    const other = await addContact({ name: 'Sam Lee' });
    for (const [i, outcome] of (['no-answer', 'voicemail', 'connected'] as const).entries()) {
      await logOutcome({
        contactId: maria.id,
        outcome,
        now: WED_10AM_NY + i * DAY_MS,
        repZone: NY,
      });
    }
    await logOutcome({ contactId: other.id, outcome: 'connected', now: WED_10AM_NY, repZone: NY });
    expect((await attemptsOfContact(maria.id)).map((a) => a.outcome)).toEqual([
      'connected',
      'voicemail',
      'no-answer',
    ]);
  });
});

describe('knowing when to pivot', () => {
  it('moving to nurture closes the chase and leaves one monthly email', async () => {
    const maria = await addContact();
    await logOutcome({ contactId: maria.id, outcome: 'voicemail', now: WED_10AM_NY, repZone: NY });
    const touch = await moveToNurture(maria.id, WED_10AM_NY, NY);

    expect(await openTasks(maria.id)).toEqual([touch]);
    expect(touch).toMatchObject({ channel: 'email', reason: 'Monthly nurture touch' });
    // 30 days after Wednesday May 6 is Friday June 5: 10:00 their time.
    expect(touch.dueAt).toBe(Date.parse('2026-06-05T14:00:00Z'));
    expect((await database().contacts.get(maria.id))?.status).toBe('nurture');
  });

  it('closing the file empties their queue', async () => {
    const maria = await addContact();
    await logOutcome({ contactId: maria.id, outcome: 'voicemail', now: WED_10AM_NY, repZone: NY });
    await closeFile(maria.id, WED_10AM_NY);
    expect(await nextTaskOfContact(maria.id)).toBeUndefined();
    expect((await database().contacts.get(maria.id))?.status).toBe('closed');
    await expect(closeFile('gone', WED_10AM_NY)).rejects.toThrow('no longer exists');
  });
});

describe('undo from a second panel', () => {
  it('refuses to undo an outcome once a later one was logged, leaving one open follow-up', async () => {
    const maria = await addContact();
    await logOutcome({ contactId: maria.id, outcome: 'connected', now: WED_10AM_NY, repZone: NY });
    const older = await logOutcome({
      contactId: maria.id,
      outcome: 'no-answer',
      now: WED_10AM_NY + 60_000,
      repZone: NY,
    });
    await logOutcome({
      contactId: maria.id,
      outcome: 'voicemail',
      now: WED_10AM_NY + 120_000,
      repZone: NY,
    });
    await expect(undoOutcome(older.attempt.id)).rejects.toThrow(/later outcome was logged/);
    expect(await openTasks(maria.id)).toHaveLength(1);
    expect(await database().attempts.count()).toBe(3);
  });
});
