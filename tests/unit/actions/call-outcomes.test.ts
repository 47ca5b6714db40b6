import { describe, expect, it, vi } from 'vitest';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { describeWriteError, WriteRefused } from '@/lib/db/errors';
import { attemptsOfContact, nextTaskOfContact, noteOnAttempt } from '@/lib/db/outcomes';
import {
  addMeetingTask,
  closeFile,
  doneFromQueue,
  logOutcome,
  moveToNurture,
  rescheduleTask,
  setDidNotRemember,
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
  it('schedules on the clock their phone number gives when no zone is set', async () => {
    // A Paris number and no zone set: the follow-up lands in a Paris business window, not
    // at the same wall-clock hour in the rep's New York.
    const paris = await addContact({ timeZone: undefined, phones: ['+33142685300'] });
    const { task } = await logOutcome({
      contactId: paris.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    const parisHour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: 'numeric', timeZone: 'Europe/Paris' }).format(
        task!.dueAt,
      ),
    );
    expect(parisHour).toBeGreaterThanOrEqual(9);
    expect(parisHour).toBeLessThan(18);
    const meeting = await addMeetingTask(
      (
        await logOutcome({
          contactId: paris.id,
          outcome: 'meeting-booked',
          now: WED_10AM_NY + 1,
          repZone: NY,
        })
      ).attempt.id,
      WED_10AM_NY + 3 * DAY_MS,
      WED_10AM_NY + 2,
      NY,
    );
    expect(meeting.reason).toMatch(/their time/);
    expect(meeting.reason).toContain(
      new Intl.DateTimeFormat('en-US', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Europe/Paris',
      })
        .format(WED_10AM_NY + 3 * DAY_MS)
        .toLowerCase()
        .replace(/\s/g, ' '),
    );
  });

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
    expect(booked.task).toMatchObject({
      dueAt: meetingAt,
      kind: 'meeting',
      reason: 'Meeting: Tuesday 10:30 am their time',
    });

    const sam = await addContact({ name: 'Sam Lee' });
    const wrong = await logOutcome({
      contactId: sam.id,
      outcome: 'wrong-number',
      now: WED_10AM_NY + 1000,
      repZone: NY,
    });
    expect(wrong.task).toBeNull();
    expect(await nextTaskOfContact(sam.id)).toBeUndefined();
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

  it('marks a conversation "They didn\'t remember me", and takes it back without a trace', async () => {
    const maria = await addContact();
    const { attempt } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    await setDidNotRemember(attempt.id, true);
    expect((await attemptsOfContact(maria.id))[0]?.didNotRemember).toBe(true);
    await setDidNotRemember(attempt.id, false);
    expect((await attemptsOfContact(maria.id))[0]).toEqual(attempt);
    await expect(setDidNotRemember('gone', true)).rejects.toThrow('no longer exists');
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

describe('a booked meeting in the queue', () => {
  it('the meeting gets its own task, linked to the click, so Undo removes both', async () => {
    const maria = await addContact();
    const before = await everything();
    const { attempt, task } = await logOutcome({
      contactId: maria.id,
      outcome: 'meeting-booked',
      now: WED_10AM_NY,
      repZone: NY,
    });
    expect(task).toBeNull();
    // Tuesday 12 May, 10:30 in New York.
    const meetingAt = Date.parse('2026-05-12T14:30:00Z');
    const meeting = await addMeetingTask(attempt.id, meetingAt, WED_10AM_NY + 5000, NY);
    expect(meeting).toMatchObject({
      contactId: maria.id,
      attemptId: attempt.id,
      dueAt: meetingAt,
      channel: 'call',
      kind: 'meeting',
      status: 'open',
      reason: 'Meeting: Tuesday 10:30 am their time',
    });
    expect(await nextTaskOfContact(maria.id)).toEqual(meeting);

    // Saving another time moves the meeting rather than adding a second one.
    const moved = await addMeetingTask(attempt.id, meetingAt + DAY_MS, WED_10AM_NY + 9000, NY);
    expect(await openTasks(maria.id)).toEqual([moved]);

    await undoOutcome(attempt.id);
    expect(await everything()).toEqual(before);
    await expect(addMeetingTask(attempt.id, meetingAt, WED_10AM_NY, NY)).rejects.toThrow(
      /no longer logged/,
    );
  });

  it('a later call is a follow-up, not the meeting: the meeting stays in the queue', async () => {
    const maria = await addContact();
    const booked = await logOutcome({
      contactId: maria.id,
      outcome: 'meeting-booked',
      now: WED_10AM_NY,
      repZone: NY,
    });
    const meeting = await addMeetingTask(booked.attempt.id, WED_10AM_NY + 6 * DAY_MS, 1, NY);
    const info = await logOutcome({
      contactId: maria.id,
      outcome: 'sent-info',
      now: WED_10AM_NY + DAY_MS,
      repZone: NY,
    });
    expect(info.attempt.closedTaskIds).toEqual([]);
    expect((await openTasks(maria.id)).map((t) => t.id).sort()).toEqual(
      [meeting.id, info.task!.id].sort(),
    );
  });

  it('only a logged meeting can be put in the queue', async () => {
    const maria = await addContact();
    const { attempt } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY,
      repZone: NY,
    });
    await expect(addMeetingTask(attempt.id, WED_10AM_NY + DAY_MS, 1, NY)).rejects.toThrow();
  });
});

describe('a voicemail promises the next try; nobody agreed to it', () => {
  it('keeps the promise as promised, not agreed, and words the task as the rep’s promise', async () => {
    const maria = await addContact();
    const promisedAt = Date.parse('2026-05-07T15:00:00Z');
    const { attempt, task } = await logOutcome({
      contactId: maria.id,
      outcome: 'voicemail',
      now: WED_10AM_NY,
      repZone: NY,
      promisedAt,
      voicemailSeconds: 24,
    });
    expect(attempt.promisedAt).toBe(promisedAt);
    expect(attempt).not.toHaveProperty('agreedAt');
    expect(task).toMatchObject({
      dueAt: promisedAt,
      reason: "When you said you'd try again: Thursday 11:00 am their time",
    });
  });
});

describe('Done in the queue', () => {
  it('on an email task logs the email (no reply yet) and schedules the next step, in one go', async () => {
    const maria = await addContact();
    const first = await logOutcome({
      contactId: maria.id,
      outcome: 'no-answer',
      now: WED_10AM_NY,
      repZone: NY,
    });
    expect(first.task?.channel).toBe('email');
    const emailedAt = first.task!.dueAt + 60_000;
    await doneFromQueue(first.task!, emailedAt, NY);

    const [emailed] = await attemptsOfContact(maria.id);
    expect(emailed).toMatchObject({
      outcome: 'email-sent',
      channel: 'email',
      at: emailedAt,
      closedTaskIds: [first.task!.id],
    });
    const [next] = await openTasks(maria.id);
    expect(next).toMatchObject({ channel: 'call', attemptId: emailed!.id });
    expect(next!.reason).toContain('attempt 3 of 4');
  });

  it('on a meeting just closes it; on a call task it refuses to pretend a call happened', async () => {
    const maria = await addContact();
    const booked = await logOutcome({
      contactId: maria.id,
      outcome: 'meeting-booked',
      now: WED_10AM_NY,
      repZone: NY,
    });
    const meeting = await addMeetingTask(booked.attempt.id, WED_10AM_NY + DAY_MS, 1, NY);
    await doneFromQueue(meeting, WED_10AM_NY + 2 * DAY_MS, NY);
    expect(await openTasks(maria.id)).toEqual([]);
    expect(await database().attempts.count()).toBe(1);

    const call = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + 3 * DAY_MS,
      repZone: NY,
    });
    const before = await everything();
    const refusal = doneFromQueue(call.task!, WED_10AM_NY + 5 * DAY_MS, NY);
    await expect(refusal).rejects.toBeInstanceOf(WriteRefused);
    await expect(refusal).rejects.toThrow(/how the call went/);
    expect(await everything()).toEqual(before);
  });
});

describe('a closed file', () => {
  it('stays closed with nothing queued after a voicemail; a conversation reopens it, Undo closes it again', async () => {
    const maria = await addContact();
    await closeFile(maria.id, WED_10AM_NY);
    const silence = await logOutcome({
      contactId: maria.id,
      outcome: 'voicemail',
      now: WED_10AM_NY + DAY_MS,
      repZone: NY,
    });
    expect(silence.task).toBeNull();
    expect(await openTasks(maria.id)).toEqual([]);
    expect((await database().contacts.get(maria.id))?.status).toBe('closed');

    const before = await everything();
    const talk = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + 2 * DAY_MS,
      repZone: NY,
    });
    expect((await database().contacts.get(maria.id))?.status).toBe('active');
    expect(await openTasks(maria.id)).toEqual([talk.task]);
    await undoOutcome(talk.attempt.id);
    expect(await everything()).toEqual(before);
  });
});

describe('nurture keeps going', () => {
  it('each nurture touch done schedules the next monthly touch; the contact stays in nurture', async () => {
    const maria = await addContact();
    let touch = await moveToNurture(maria.id, WED_10AM_NY, NY);
    for (let month = 0; month < 3; month += 1) {
      const at = touch.dueAt + 60_000;
      await doneFromQueue(touch, at, NY);
      const open = await openTasks(maria.id);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ channel: 'email', reason: 'Monthly nurture touch' });
      expect(open[0]!.dueAt - at).toBeGreaterThan(29 * DAY_MS);
      touch = open[0]!;
    }
    expect((await database().contacts.get(maria.id))?.status).toBe('nurture');
    expect((await attemptsOfContact(maria.id)).map((a) => a.outcome)).toEqual([
      'email-sent',
      'email-sent',
      'email-sent',
    ]);
  });

  it('a conversation brings them back to active; Undo puts them back in nurture exactly', async () => {
    const maria = await addContact();
    await moveToNurture(maria.id, WED_10AM_NY, NY);
    const before = await everything();
    const { attempt, task } = await logOutcome({
      contactId: maria.id,
      outcome: 'connected',
      now: WED_10AM_NY + DAY_MS,
      repZone: NY,
    });
    expect((await database().contacts.get(maria.id))?.status).toBe('active');
    expect(task?.reason).toMatch(/business days after a connected call/);
    expect(attempt.statusBefore).toEqual({ status: 'nurture', updatedAt: WED_10AM_NY });
    await undoOutcome(attempt.id);
    expect(await everything()).toEqual(before);
  });
});
