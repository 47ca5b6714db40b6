// A History entry corrected or deleted later: the queue, Insights and the coach follow.
import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { attemptsOfContact, openTasksOfContact } from '@/lib/db/outcomes';
import { followUpQueue } from '@/lib/db/queue';
import { integrityProblems } from '@/lib/db/integrity';
import { correctOutcome, deleteAttempt, logOutcome } from '@/lib/actions/call-outcomes';
import { insightsReport } from '@/lib/insights/report';
import { situationOf } from '@/lib/coach/situation';
import { storedContact } from '../stored-contact';

const NY = 'America/New_York';
/** Wednesday 2026-05-06, 10:00 in New York. */
const WED_10AM_NY = Date.parse('2026-05-06T14:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

async function addContact(): Promise<Contact> {
  const contact = storedContact({ id: crypto.randomUUID(), timeZone: NY });
  await database().contacts.add(contact);
  return contact;
}

const log = (contact: Contact, outcome: Parameters<typeof logOutcome>[0]['outcome'], at: number) =>
  logOutcome({ contactId: contact.id, outcome, now: at, repZone: NY });

async function connectsInInsights(): Promise<number> {
  const db = database();
  const [attempts, contacts] = await Promise.all([
    db.attempts.orderBy('at').toArray(),
    db.contacts.toArray(),
  ]);
  const report = insightsReport(
    { attempts, contacts: new Map(contacts.map((c) => [c.id, c])) },
    { clock: 'rep', repZone: NY },
    { zoneOf: () => NY, situationOf: () => 'any', inBestWindow: () => false },
  );
  return report.funnel.connects;
}

async function queuedTaskIds(now: number): Promise<string[]> {
  const queue = await followUpQueue(now, NY);
  return [...queue.overdue, ...queue.today, ...queue.upcoming, ...queue.later].map(
    (i) => i.task.id,
  );
}

describe('deleting a History entry', () => {
  it('the only attempt: its follow-up leaves the queue, as with Undo', async () => {
    const contact = await addContact();
    const { attempt, task } = await log(contact, 'no-answer', WED_10AM_NY);
    expect(await queuedTaskIds(WED_10AM_NY)).toEqual([task!.id]);

    await deleteAttempt(attempt.id);
    expect(await attemptsOfContact(contact.id)).toEqual([]);
    expect(await queuedTaskIds(WED_10AM_NY)).toEqual([]);
    expect(await integrityProblems()).toEqual([]);
  });

  it('the latest of two: the earlier one’s follow-up is back in the queue', async () => {
    const contact = await addContact();
    const first = await log(contact, 'no-answer', WED_10AM_NY);
    const second = await log(contact, 'voicemail', WED_10AM_NY + DAY_MS);
    await deleteAttempt(second.attempt.id);
    expect(await queuedTaskIds(WED_10AM_NY)).toEqual([first.task!.id]);
    expect(await integrityProblems()).toEqual([]);
  });

  it('an older one: it leaves History and Insights, the latest follow-up stays, nothing dangles', async () => {
    const contact = await addContact();
    const first = await log(contact, 'connected', WED_10AM_NY);
    const second = await log(contact, 'no-answer', WED_10AM_NY + DAY_MS);
    expect(await connectsInInsights()).toBe(1);

    await deleteAttempt(first.attempt.id);
    expect((await attemptsOfContact(contact.id)).map((a) => a.id)).toEqual([second.attempt.id]);
    expect(await connectsInInsights()).toBe(0);
    expect(await queuedTaskIds(WED_10AM_NY)).toEqual([second.task!.id]);
    expect(await integrityProblems()).toEqual([]);
  });
});

describe('correcting a History entry', () => {
  it('an older No answer that was a conversation: Insights counts the connect, the coach reads it', async () => {
    const contact = await addContact();
    const first = await log(contact, 'no-answer', WED_10AM_NY);
    const second = await log(contact, 'no-answer', WED_10AM_NY + DAY_MS);
    const later = WED_10AM_NY + 3 * DAY_MS;
    const situation = async () =>
      situationOf(
        contact,
        await attemptsOfContact(contact.id),
        await openTasksOfContact(contact.id),
        later,
      ).key;
    expect(await connectsInInsights()).toBe(0);
    expect(await situation()).toBe('new-contact');

    await correctOutcome(first.attempt.id, 'connected', NY);
    expect(await connectsInInsights()).toBe(1);
    expect(await situation()).toBe('after-good-call');
    // The latest outcome's follow-up is the one the queue keeps.
    expect(await queuedTaskIds(WED_10AM_NY)).toEqual([second.task!.id]);
    expect(await integrityProblems()).toEqual([]);
  });

  it('the latest: its follow-up is decided again, as if logged right the first time', async () => {
    const contact = await addContact();
    const { attempt, task } = await log(contact, 'no-answer', WED_10AM_NY);
    const asConnected = await log(await addContact(), 'connected', WED_10AM_NY);

    await correctOutcome(attempt.id, 'connected', NY);
    const [corrected] = await attemptsOfContact(contact.id);
    expect(corrected).toMatchObject({ id: attempt.id, outcome: 'connected', at: WED_10AM_NY });
    const open = await openTasksOfContact(contact.id);
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(task!.id);
    expect(open[0]).toMatchObject({
      attemptId: attempt.id,
      dueAt: asConnected.task!.dueAt,
      reason: asConnected.task!.reason,
    });
    expect(await queuedTaskIds(WED_10AM_NY)).toContain(open[0]!.id);
    expect(await queuedTaskIds(WED_10AM_NY)).not.toContain(task!.id);
    expect(await integrityProblems()).toEqual([]);
  });

  it('a call corrected to Email sent is an email; a gone attempt is refused by name', async () => {
    const contact = await addContact();
    const first = await log(contact, 'no-answer', WED_10AM_NY);
    await log(contact, 'voicemail', WED_10AM_NY + DAY_MS);
    await correctOutcome(first.attempt.id, 'email-sent', NY);
    const oldest = (await attemptsOfContact(contact.id)).at(-1)!;
    expect(oldest).toMatchObject({ outcome: 'email-sent', channel: 'email' });

    await deleteAttempt(first.attempt.id);
    await expect(correctOutcome(first.attempt.id, 'connected', NY)).rejects.toMatchObject({
      name: 'WriteRefused',
      refusal: { kind: 'gone', record: 'attempt' },
    });
  });
});
