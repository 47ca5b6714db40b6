import { describe, expect, it, vi } from 'vitest';
import { REP_ZONE, repSettingsIn } from '../machine-in-utc';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import {
  LAST_DUE_CHECK_KEY,
  NEXT_DUE_ALARM,
  onDueAlarm,
  onNotificationClicked,
  refreshDueAlarm,
  watchDueTasks,
} from '@/lib/background/due-alarms';

const NOW = Date.parse('2026-05-06T14:00:00Z');
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const alarm: Browser.alarms.Alarm = {
  name: NEXT_DUE_ALARM,
  scheduledTime: NOW,
  persistAcrossSessions: false,
};
const recordUrl = 'https://app.hubspot.com/contacts/1/record/0-1/501';

async function addContact(overrides: Partial<Contact> = {}): Promise<Contact> {
  const contact: Contact = {
    id: crypto.randomUUID(),
    name: 'Maria Lopez',
    emails: [],
    phones: [],
    identities: [{ site: 'hubspot', recordId: '501', url: recordUrl }],
    identityKeys: ['hubspot:501'],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
  await database().contacts.add(contact);
  return contact;
}

async function addTask(contact: Contact, dueAt: number, overrides: Partial<Task> = {}) {
  const task: Task = {
    id: crypto.randomUUID(),
    contactId: contact.id,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: '2 business days after a connected call',
    createdAt: 1,
    ...overrides,
  };
  await database().tasks.add(task);
  return task;
}

const badge = () => fakeBrowser.action.getBadgeText({});
const nextAlarm = () => fakeBrowser.alarms.get(NEXT_DUE_ALARM);

describe('the toolbar badge and the next alarm', () => {
  it('shows how many follow-ups are due and rings at the next one', async () => {
    const maria = await addContact();
    await addTask(maria, NOW - HOUR_MS);
    await addTask(maria, NOW);
    await addTask(maria, NOW + 2 * HOUR_MS);
    await addTask(maria, NOW + HOUR_MS);
    await addTask(maria, NOW - HOUR_MS, { status: 'done' });

    await refreshDueAlarm(NOW);
    expect(await badge()).toBe('2');
    expect((await nextAlarm())?.scheduledTime).toBe(NOW + HOUR_MS);
  });

  it('shows no badge and sets no alarm when nothing is scheduled', async () => {
    await fakeBrowser.alarms.create(NEXT_DUE_ALARM, { when: NOW });
    await fakeBrowser.action.setBadgeText({ text: '3' });
    await refreshDueAlarm(NOW);
    expect(await badge()).toBe('');
    expect(await nextAlarm()).toBeUndefined();
  });
});

describe('a follow-up falling due', () => {
  it('notifies with the contact’s name, the channel, when it is due and the reason', async () => {
    await database().settings.put(repSettingsIn('UTC'));
    const maria = await addContact();
    await refreshDueAlarm(NOW - HOUR_MS);
    const task = await addTask(maria, NOW - MINUTE_MS);

    await onDueAlarm(alarm, NOW);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      [task.id]: {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon-128.png',
        title: 'Follow-up due: Maria Lopez',
        message: 'Call, due Wednesday, May 6 at 1:59 pm — 2 business days after a connected call',
      },
    });
    expect(await badge()).toBe('1');
  });

  it('says when it is due on the rep’s clock (Settings), not the machine’s', async () => {
    // The machine runs in UTC (tests/unit/machine-in-utc); the rep works in Los Angeles.
    await database().settings.put(repSettingsIn(REP_ZONE));
    const maria = await addContact();
    await refreshDueAlarm(NOW - HOUR_MS);
    const task = await addTask(maria, NOW - MINUTE_MS);
    await onDueAlarm(alarm, NOW);
    const shown = fakeBrowser.notifications.getAllCreateOptions()[task.id];
    expect(shown?.message).toBe(
      'Call, due Wednesday, May 6 at 6:59 am — 2 business days after a connected call',
    );
  });

  it('is not announced again after the worker restarts, and none is dropped', async () => {
    const maria = await addContact();
    await refreshDueAlarm(NOW - HOUR_MS);
    await addTask(maria, NOW - MINUTE_MS);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await onDueAlarm(alarm, NOW);
    expect(create).toHaveBeenCalledTimes(1);

    // A restarted worker remembers nothing but storage; the alarm may ring again.
    vi.resetModules();
    const restarted = await import('@/lib/background/due-alarms');
    await restarted.onDueAlarm(alarm, NOW + MINUTE_MS);
    expect(create).toHaveBeenCalledTimes(1);

    // Two follow-ups fell due while the worker slept: both are announced when it wakes.
    const late = await addTask(maria, NOW + 10 * MINUTE_MS);
    const later = await addTask(maria, NOW + 20 * MINUTE_MS);
    await restarted.onDueAlarm(alarm, NOW + HOUR_MS);
    expect(create.mock.calls.slice(1).map(([id]) => id)).toEqual([late.id, later.id]);
    expect((await fakeBrowser.storage.local.get(LAST_DUE_CHECK_KEY))[LAST_DUE_CHECK_KEY]).toBe(
      NOW + HOUR_MS,
    );
  });

  it('one that fell due while the browser was closed rings as soon as it opens', async () => {
    const maria = await addContact();
    await refreshDueAlarm(NOW - 10 * HOUR_MS);
    const missed = await addTask(maria, NOW - 5 * HOUR_MS);
    await refreshDueAlarm(NOW);
    // Aimed in the past: the browser rings it right away.
    expect((await nextAlarm())?.scheduledTime).toBe(missed.dueAt);
  });

  it('tasks already due at the very first start show on the badge, not as a flood of alerts', async () => {
    const maria = await addContact();
    await addTask(maria, NOW - 48 * HOUR_MS);
    await addTask(maria, NOW - 24 * HOUR_MS);
    await refreshDueAlarm(NOW);
    await onDueAlarm(alarm, NOW);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(await badge()).toBe('2');
  });

  it('ignores alarms that are not ours', async () => {
    const maria = await addContact();
    await refreshDueAlarm(NOW - HOUR_MS);
    await addTask(maria, NOW - MINUTE_MS);
    await onDueAlarm({ name: 'other' }, NOW);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });
});

describe('clicking the notification', () => {
  it('opens the contact’s CRM record', async () => {
    const task = await addTask(await addContact(), NOW);
    await onNotificationClicked(task.id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(recordUrl);
  });

  it('opens the queue for a contact typed in by hand', async () => {
    const task = await addTask(await addContact({ identities: [], identityKeys: [] }), NOW);
    await onNotificationClicked(task.id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(
      'chrome-extension://test-extension-id/options.html#queue',
    );
  });

  it('opens the queue, not a blank tab, for a contact imported from a CSV file (empty url)', async () => {
    const imported = await addContact({
      identities: [{ site: 'csv', recordId: 'row-3', url: '' }],
      identityKeys: ['csv:row-3'],
    });
    await onNotificationClicked((await addTask(imported, NOW)).id);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain('chrome-extension://test-extension-id/options.html#queue');
    expect(urls).not.toContain('');
  });

  it('opens the first record that has a url when an earlier one has none', async () => {
    const both = await addContact({
      identities: [
        { site: 'csv', recordId: 'row-3', url: '' },
        { site: 'hubspot', recordId: '501', url: recordUrl },
      ],
    });
    await onNotificationClicked((await addTask(both, NOW)).id);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(recordUrl);
    expect(urls).not.toContain('');
  });
});

describe('clicking the notification never opens a stored link that is not a CRM record', () => {
  const queuePage = 'chrome-extension://test-extension-id/options.html#queue';

  it.each([
    ['a data: page', 'data:text/html,<script>alert(1)</script>'],
    ["the browser's settings", 'chrome://settings/'],
    ['a local file', 'file:///etc/passwd'],
    ['plain http', 'http://app.hubspot.com/contacts/1/record/0-1/501'],
    ['another host', 'https://evil.com/contacts/1'],
  ])('opens the queue instead of %s', async (_, url) => {
    const hostile = await addContact({
      identities: [{ site: 'hubspot', recordId: '501', url }],
    });
    await onNotificationClicked((await addTask(hostile, NOW)).id);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(queuePage);
    expect(urls).not.toContain(url);
  });

  it('opens the record that may be opened, past one that may not', async () => {
    const both = await addContact({
      identities: [
        { site: 'hubspot', recordId: 'x', url: 'data:text/html,<b>hi</b>' },
        { site: 'hubspot', recordId: '501', url: recordUrl },
      ],
    });
    await onNotificationClicked((await addTask(both, NOW)).id);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(recordUrl);
    expect(urls).not.toContain('data:text/html,<b>hi</b>');
  });
});

describe('watchDueTasks', () => {
  it('refreshes as the worker wakes and announces when the alarm rings', async () => {
    const maria = await addContact();
    await addTask(maria, Date.now() - HOUR_MS);
    const tasks = watchDueTasks();

    await vi.waitFor(async () => expect(await badge()).toBe('1'));

    const soon = await addTask(maria, Date.now() - 1);
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await vi.waitFor(() =>
      expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([soon.id]),
    );

    await fakeBrowser.notifications.onClicked.trigger(soon.id);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(recordUrl),
    );
    tasks.stop();
  });
});
