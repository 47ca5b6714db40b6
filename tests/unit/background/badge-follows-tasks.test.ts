// The toolbar badge and the due alarm follow the tasks table by themselves: a write from any
// page or worker (another Dexie instance, a message on Dexie's channel) or from the worker
// itself reaches them, with no refresh call after the write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Task } from '@/lib/model';
import { database, openDb } from '@/lib/db/schema';
import { TASKS_SETTLE_MS, type TaskFollower } from '@/lib/db/task-changes';
import type { Browser } from 'wxt/browser';
import { TASKS_CHANGED_PORT } from '@/lib/messaging/wake-background';
import { answerTaskKnocks, NEXT_DUE_ALARM, watchDueTasks } from '@/lib/background/due-alarms';
import { storedContact } from '../stored-contact';

const HOUR_MS = 60 * 60 * 1000;

function followUp(contactId: string, dueAt: number, id = crypto.randomUUID()): Task {
  return {
    id,
    contactId,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: 'Call back as agreed',
    createdAt: 1,
  };
}

/** A commit Dexie does not see, as the raw outcome commit or another context makes. */
async function putWithoutDexie(task: Task): Promise<void> {
  const db = database();
  await db.open();
  const tx = db.backendDB().transaction('tasks', 'readwrite');
  tx.objectStore('tasks').put(task);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
}

const badge = () => fakeBrowser.action.getBadgeText({});
const nextAlarm = () => fakeBrowser.alarms.get(NEXT_DUE_ALARM);

let tasks: TaskFollower | undefined;
let badgeWrites: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  // Only the settling wait is faked: IndexedDB and Dexie run as they do.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await database().contacts.add(storedContact({ id: 'c1', name: 'Maria Lopez' }));
  badgeWrites = vi.spyOn(fakeBrowser.action, 'setBadgeText');
  tasks = watchDueTasks();
  // Waking, the worker shows what is stored: nothing due yet.
  await vi.waitFor(() => expect(badgeWrites).toHaveBeenCalledOnce());
  expect(await badge()).toBe('');
});

afterEach(() => {
  tasks?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the badge and the due alarm follow the follow-ups', () => {
  it('shows follow-ups another page wrote, once the writes have settled', async () => {
    const otherPage = openDb();
    await otherPage.tasks.bulkPut([
      followUp('c1', Date.now() - HOUR_MS),
      followUp('c1', Date.now() - 2 * HOUR_MS),
    ]);
    const later = followUp('c1', Date.now() + HOUR_MS);
    await otherPage.tasks.add(later);
    expect(badgeWrites).toHaveBeenCalledOnce(); // not yet: more may come

    vi.advanceTimersByTime(TASKS_SETTLE_MS);
    await vi.waitFor(async () => expect(await badge()).toBe('2'));
    expect((await nextAlarm())?.scheduledTime).toBe(later.dueAt);
    otherPage.close();
  });

  it('refreshes once for a burst of writes, such as an import', async () => {
    for (let i = 0; i < 5; i++) {
      await database().tasks.put(followUp('c1', Date.now() - HOUR_MS));
      vi.advanceTimersByTime(TASKS_SETTLE_MS - 1);
    }
    expect(badgeWrites).toHaveBeenCalledOnce();

    vi.advanceTimersByTime(1);
    await vi.waitFor(async () => expect(await badge()).toBe('5'));
    expect(badgeWrites).toHaveBeenCalledTimes(2);
  });

  it('follows a commit announced on Dexie’s channel, as a worker’s import or the panel’s click is', async () => {
    // Written where this context does not see the commit (another page, the import worker):
    // only the channel's message tells it.
    await putWithoutDexie(followUp('c1', Date.now() - HOUR_MS));
    vi.advanceTimersByTime(TASKS_SETTLE_MS);
    expect(badgeWrites).toHaveBeenCalledOnce();

    const channel = new BroadcastChannel('x-storagemutated-1');
    channel.postMessage({ 'idb://second-call/tasks/': {} });
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
    vi.advanceTimersByTime(TASKS_SETTLE_MS);
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    channel.close();
  });

  it('leaves the badge alone when only other tables change', async () => {
    await database().notes.add({
      id: 'n1',
      contactId: 'c1',
      kind: 'personal',
      text: 'Prefers mornings',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refreshes when one of its pages knocks, and only then', async () => {
    let answer: ((port: Browser.runtime.Port) => void) | undefined;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
      answer = listener;
    });
    answerTaskKnocks(tasks!);
    const knock = (url: string) => {
      const port = { name: TASKS_CHANGED_PORT, sender: { url }, disconnect: vi.fn() };
      answer!(port as unknown as Browser.runtime.Port);
      expect(port.disconnect).toHaveBeenCalledOnce(); // never held open
    };
    await putWithoutDexie(followUp('c1', Date.now() - HOUR_MS)); // unheard of, as while asleep

    knock('https://app.hubspot.com/contacts/1/record/0-1/501');
    expect(vi.getTimerCount()).toBe(0);

    knock(fakeBrowser.runtime.getURL('/sidepanel.html'));
    knock(fakeBrowser.runtime.getURL('/options.html'));
    vi.advanceTimersByTime(TASKS_SETTLE_MS);
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    expect(badgeWrites).toHaveBeenCalledTimes(2);
  });
});
