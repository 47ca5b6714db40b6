import { describe, expect, it, vi } from 'vitest';
import { database } from '@/lib/db/schema';
import { addNote, notesOfContact } from '@/lib/db/notes';
import { attemptsOfContact, openTasksOfContact } from '@/lib/db/outcomes';
import { planOfContact, savePlan, emptyPlan } from '@/lib/db/plans';
import { loggedRecords, moveRecords, undoMove } from '@/lib/db/move-records';
import { contactForPerson } from '@/lib/db/identity-choices';
import { createContactByHand } from '@/lib/db/contacts';
import type { Attempt, Task } from '@/lib/model';

const attempt = (id: string, contactId: string, at: number): Attempt => ({
  id,
  contactId,
  at,
  channel: 'call',
  outcome: 'voicemail',
});
const task = (id: string, contactId: string): Task => ({
  id,
  contactId,
  dueAt: 100,
  channel: 'call',
  status: 'open',
  reason: 'Try again',
  createdAt: 1,
});

async function loggedOnAnn() {
  await addNote('ann', 'pain point', 'Re-keys orders by hand', 1);
  await addNote('ann', 'deadline', 'Board in March', 2);
  await addNote('maya', 'personal', 'Maya’s own note', 3);
  await database().attempts.bulkAdd([attempt('a1', 'ann', 10), attempt('a2', 'maya', 11)]);
  await database().tasks.bulkAdd([task('t1', 'ann')]);
  await savePlan({ ...emptyPlan('ann'), goal: 'Book the pilot' }, 5);
}

describe('moving what was logged on the wrong person', () => {
  it('counts, moves everything in one step, and Undo moves exactly that back', async () => {
    await loggedOnAnn();
    expect(await loggedRecords('ann')).toEqual({ notes: 2, attempts: 1, tasks: 1, plan: true });

    const moved = await moveRecords('ann', 'maya');
    expect((await notesOfContact('maya')).map((n) => n.text)).toEqual([
      'Maya’s own note',
      'Board in March',
      'Re-keys orders by hand',
    ]);
    expect((await attemptsOfContact('maya')).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect((await openTasksOfContact('maya')).map((t) => t.id)).toEqual(['t1']);
    expect((await planOfContact('maya')).goal).toBe('Book the pilot');
    expect(await loggedRecords('ann')).toEqual({ notes: 0, attempts: 0, tasks: 0, plan: false });

    await undoMove(moved);
    expect((await notesOfContact('ann')).map((n) => n.text)).toEqual([
      'Board in March',
      'Re-keys orders by hand',
    ]);
    expect((await notesOfContact('maya')).map((n) => n.text)).toEqual(['Maya’s own note']);
    expect((await attemptsOfContact('ann')).map((a) => a.id)).toEqual(['a1']);
    expect((await attemptsOfContact('maya')).map((a) => a.id)).toEqual(['a2']);
    expect((await openTasksOfContact('ann')).map((t) => t.id)).toEqual(['t1']);
    expect((await planOfContact('ann')).goal).toBe('Book the pilot');
    expect(await database().plans.get('maya')).toBeUndefined();
  });

  it('never overwrites the right person’s own plan', async () => {
    await loggedOnAnn();
    await savePlan({ ...emptyPlan('maya'), goal: 'Maya’s goal' }, 6);
    const moved = await moveRecords('ann', 'maya');
    expect(moved.planMoved).toBe(false);
    expect((await planOfContact('maya')).goal).toBe('Maya’s goal');
    expect((await planOfContact('ann')).goal).toBe('Book the pilot');
  });

  it('moves nothing when one write fails', async () => {
    await loggedOnAnn();
    vi.spyOn(database().tasks, 'bulkUpdate').mockRejectedValueOnce(new Error('disk'));
    await expect(moveRecords('ann', 'maya')).rejects.toThrow();
    expect(await loggedRecords('ann')).toEqual({ notes: 2, attempts: 1, tasks: 1, plan: true });
    expect((await notesOfContact('maya')).map((n) => n.id)).toHaveLength(1);
  });
});

describe('the contact for someone else on the page', () => {
  it('is the stored holder of their email, else of their number with their name, else new', async () => {
    const maya = await createContactByHand({ name: 'Maya Chen', email: 'maya@lumen.example' });
    const desk = await createContactByHand({ name: 'Front Desk', phone: '+1 415 555 0100' });
    const byEmail = await contactForPerson({
      name: 'M. Chen',
      email: 'MAYA@lumen.example',
      role: 'cc',
    });
    expect(byEmail.id).toBe(maya.id);
    // A shared number never names someone of another name.
    const cy = await contactForPerson({ name: 'Cy Dunn', phone: '+14155550100', role: 'recent' });
    expect(cy.id).not.toBe(desk.id);
    expect(cy).toMatchObject({ name: 'Cy Dunn', phones: ['+14155550100'] });
    const sameDesk = await contactForPerson({
      name: 'front desk',
      phone: '(415) 555-0100',
      role: 'recent',
    });
    expect(sameDesk.id).toBe(desk.id);
  });
});
