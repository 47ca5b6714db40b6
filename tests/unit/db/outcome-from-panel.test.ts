// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import type { Attempt, Contact, FollowUp, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import {
  attemptsOfContact,
  openTasksOfContact,
  undoOutcome,
  writeOutcome,
  type KnownRecords,
} from '@/lib/db/outcomes';
import { contactById } from '@/lib/db/contact-by-id';
import { diskFullOnNextAdd } from './disk-full';
import { storedContact } from '../stored-contact';

const DAY = 86_400_000;
const NOW = Date.parse('2026-05-06T14:00:00Z');

/** Maria Lopez, stored. */
async function addContact(): Promise<void> {
  await database().contacts.add(storedContact({ createdAt: 1, updatedAt: 1 }));
}

/** What the panel's live queries show right now. */
async function whatThePanelShows(): Promise<KnownRecords> {
  return {
    contact: (await contactById('c1'))!,
    history: await attemptsOfContact('c1'),
    openTasks: await openTasksOfContact('c1'),
  };
}

/** A cadence that says how many attempts it saw, so a test can tell what it decided from. */
function cadence() {
  return vi.fn((_contact: Contact, history: Attempt[]): FollowUp => ({
    dueAt: NOW + DAY,
    channel: 'call',
    reason: `after ${history.length} earlier attempts`,
  }));
}

const log = (known?: KnownRecords, next = cadence(), now = NOW) =>
  writeOutcome({ contactId: 'c1', outcome: 'no-answer', now }, next, undefined, known);

describe('an outcome decided from what the panel shows', () => {
  it('is written in one go when nothing moved since the panel read it', async () => {
    await addContact();
    await log(undefined, cadence(), NOW - DAY);
    const known = await whatThePanelShows();
    const next = cadence();
    const { attempt, task } = await log(known, next);
    expect(next).toHaveBeenCalledOnce(); // decided once, from the panel's records
    expect(next.mock.calls[0]![1]).toHaveLength(1);
    expect(task?.reason).toBe('after 1 earlier attempts');
    expect(attempt.closedTaskIds).toEqual(known.openTasks.map((t) => t.id));
    expect((await attemptsOfContact('c1')).map((a) => a.id)[0]).toBe(attempt.id);
    expect((await openTasksOfContact('c1')).map((t) => t.id)).toEqual([task!.id]);
  });

  it('is decided again from what is stored when another panel logged one in between', async () => {
    await addContact();
    const known = await whatThePanelShows(); // no attempts, no tasks yet
    const other = await log(undefined, cadence(), NOW - 60_000); // the other panel
    const next = cadence();
    const { attempt, task } = await log(known, next);
    // Tried from the panel's view, then again from the stored one: nothing of the first try
    // is left, and the other panel's follow-up is the one this outcome closed.
    expect(next).toHaveBeenCalledTimes(2);
    expect(task?.reason).toBe('after 1 earlier attempts');
    expect(attempt.closedTaskIds).toEqual([other.task!.id]);
    expect(await database().attempts.count()).toBe(2);
    expect((await openTasksOfContact('c1')).map((t) => t.id)).toEqual([task!.id]);
  });

  it('never writes back an old copy of a follow-up another panel moved', async () => {
    await addContact();
    const first = await log(undefined, cadence(), NOW - DAY);
    const known = await whatThePanelShows();
    const moved = NOW + 5 * DAY;
    await database().tasks.update(first.task!.id, { dueAt: moved }); // rescheduled elsewhere
    await log(known);
    const closed = (await database().tasks.get(first.task!.id)) as Task;
    expect(closed).toMatchObject({ status: 'done', dueAt: moved });
  });

  it('is decided again when the contact changed (a CRM page updated it)', async () => {
    await addContact();
    const known = await whatThePanelShows();
    await database().contacts.update('c1', { preferredChannel: 'email', updatedAt: 2 });
    const next = cadence();
    await log(known, next);
    expect(next).toHaveBeenCalledTimes(2);
    expect(next.mock.calls[1]![0].preferredChannel).toBe('email');
  });

  it('keeps a change the CRM page made to the contact when the outcome also changes its status', async () => {
    await addContact();
    const known = await whatThePanelShows();
    await database().contacts.update('c1', { preferredChannel: 'email', updatedAt: 2 });
    await writeOutcome(
      { contactId: 'c1', outcome: 'not-interested', now: NOW },
      () => null,
      () => 'closed',
      known,
    );
    expect(await contactById('c1')).toMatchObject({
      preferredChannel: 'email',
      status: 'closed',
      updatedAt: NOW,
    });
    const [attempt] = await attemptsOfContact('c1');
    expect(attempt?.statusBefore).toEqual({ status: 'active', updatedAt: 2 });
  });

  it('tells the other pages before this one goes away, even when it goes at once', async () => {
    await addContact();
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    await log(await whatThePanelShows());
    expect(posted).not.toHaveBeenCalled(); // a task later: the click is answered first
    globalThis.dispatchEvent(new Event('pagehide'));
    expect(posted).toHaveBeenCalledOnce();
    const [parts] = posted.mock.calls[0]!;
    expect(Object.keys(parts as object)).toEqual(
      expect.arrayContaining(['idb://second-call/attempts/', 'idb://second-call/tasks/']),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toHaveBeenCalledOnce(); // not told twice
    posted.mockRestore();
  });

  it.each(['on the spot', 'at commit'] as const)(
    'writes nothing at all when the disk is full (%s), from the panel’s view or not',
    async (when) => {
      await addContact();
      const known = await whatThePanelShows();
      diskFullOnNextAdd('tasks', when);
      await expect(log(known)).rejects.toThrow('full');
      if (when === 'on the spot') {
        // Decided from what is stored (no panel view): Dexie's transaction, refused alike.
        diskFullOnNextAdd('tasks', when);
        await expect(log()).rejects.toThrow('full');
      }
      expect(await database().attempts.count()).toBe(0);
      expect(await database().tasks.count()).toBe(0);
      await log(known); // and the next click saves
      expect(await database().attempts.count()).toBe(1);
    },
  );

  it('says the contact is gone, and leaves nothing, when it was deleted meanwhile', async () => {
    await addContact();
    const known = await whatThePanelShows();
    await database().contacts.delete('c1');
    await expect(log(known)).rejects.toThrow('That contact no longer exists.');
    expect(await database().attempts.count()).toBe(0);
    expect(await database().tasks.count()).toBe(0);
  });

  it('brings back nothing deleted meanwhile: an undone follow-up, a deleted contact', async () => {
    await addContact();
    const first = await log(undefined, cadence(), NOW - DAY);
    const known = await whatThePanelShows();
    await undoOutcome(first.attempt.id); // in another panel
    const { task } = await log(known);
    expect((await database().tasks.toArray()).map((t) => t.id)).toEqual([task!.id]);

    const again = await whatThePanelShows();
    await database().contacts.delete('c1');
    await expect(
      writeOutcome(
        { contactId: 'c1', outcome: 'not-interested', now: NOW + 1 },
        () => null,
        () => 'closed',
        again,
      ),
    ).rejects.toThrow('That contact no longer exists.');
    expect(await database().contacts.count()).toBe(0);
    expect(await database().attempts.count()).toBe(1);
    expect((await database().tasks.get(task!.id))?.status).toBe('open');
  });

  it('leaves nothing of its first try when deciding again cannot be saved', async () => {
    await addContact();
    const known = await whatThePanelShows();
    const other = await log(undefined, cadence(), NOW - 60_000); // the other panel
    // The first try goes straight to IndexedDB; the second, through Dexie, meets a full disk.
    vi.spyOn(database().tasks, 'add').mockRejectedValueOnce(
      new DOMException('The disk is full', 'QuotaExceededError'),
    );
    await expect(log(known)).rejects.toThrow('full');
    vi.restoreAllMocks();
    expect((await database().attempts.toArray()).map((a) => a.id)).toEqual([other.attempt.id]);
    expect((await openTasksOfContact('c1')).map((t) => t.id)).toEqual([other.task!.id]);
  });

  it('shows up in what the panel watches as soon as it is committed', async () => {
    await addContact();
    // The history is a query Dexie caches: the direct commit must clear that cache too.
    const seen: string[] = [];
    const watching = liveQuery(async () => {
      const [history, open] = await Promise.all([
        attemptsOfContact('c1'),
        openTasksOfContact('c1'),
      ]);
      return `${history.length} attempts, ${open.map((t) => t.reason).join()}`;
    }).subscribe((shown) => seen.push(shown));
    await vi.waitFor(() => expect(seen).toEqual(['0 attempts, ']));
    await log(await whatThePanelShows());
    await vi.waitFor(() => expect(seen.at(-1)).toBe('1 attempts, after 0 earlier attempts'));
    await log(await whatThePanelShows(), cadence(), NOW + 1);
    await vi.waitFor(() => expect(seen.at(-1)).toBe('2 attempts, after 1 earlier attempts'));
    watching.unsubscribe();
  });
});
