// Due follow-ups reach the rep outside the side panel: a count on the toolbar badge, a
// notification when one falls due, and a click on it opens the contact's CRM record.
import { browser, type Browser, type PublicPath } from 'wxt/browser';
import type { Channel } from '../model';
import { database } from '../db/schema';
import { dueTaskCount, nextTaskDueAfter, tasksFallingDue } from '../db/queue';
import { onTaskChanges, type TaskFollower } from '../db/task-changes';
import { TASKS_CHANGED_PORT } from '../messaging/wake-background';
import { openableRecordOf } from '../sites/record-links';
import { readRepZone } from '../db/rep-zone';
import { machineZone, momentLabel } from '../time/rep-clock';

export const NEXT_DUE_ALARM = 'next-due';
/** Up to when due tasks were announced; kept in storage because the worker forgets everything. */
export const LAST_DUE_CHECK_KEY = 'dueTasks:lastCheck';
/** The badge has room for about four characters. */
const BADGE_MAX = 99;

// Typed as generated paths once the files exist (icon added separately; options page pending).
const ICON_PATH: PublicPath = '/icon-128.png';
const QUEUE_PAGE_PATH: PublicPath = '/options.html';

const CHANNEL_LABEL: Record<Channel, string> = { call: 'Call', email: 'Email' };

async function lastDueCheck(): Promise<number | undefined> {
  const stored = await browser.storage.local.get(LAST_DUE_CHECK_KEY);
  const value = stored[LAST_DUE_CHECK_KEY];
  return typeof value === 'number' ? value : undefined;
}

async function saveLastDueCheck(at: number): Promise<void> {
  await browser.storage.local.set({ [LAST_DUE_CHECK_KEY]: at });
}

/**
 * Shows how many follow-ups are due on the badge and sets the alarm for the next one.
 * The alarm aims at the first task not yet announced, even one already past (a task due while
 * the browser was closed): an alarm in the past rings at once, so no announcement is lost.
 * The worker does whenever it wakes, after tasks change (from any page, worker or itself), and
 * after each alarm.
 */
export async function refreshDueAlarm(now = Date.now()): Promise<void> {
  let since = await lastDueCheck();
  if (since === undefined) {
    // First run: tasks already due show on the badge but are not announced one by one.
    since = now;
    await saveLastDueCheck(now);
  }
  const count = await dueTaskCount(now);
  await browser.action.setBadgeText({
    text: count === 0 ? '' : count > BADGE_MAX ? `${BADGE_MAX}+` : String(count),
  });
  const next = await nextTaskDueAfter(since);
  if (next) await browser.alarms.create(NEXT_DUE_ALARM, { when: next.dueAt });
  else await browser.alarms.clear(NEXT_DUE_ALARM);
}

/** Announces each follow-up that fell due since the last check, then sets the next alarm. */
export async function onDueAlarm(
  alarm: Pick<Browser.alarms.Alarm, 'name'>,
  now = Date.now(),
): Promise<void> {
  if (alarm.name !== NEXT_DUE_ALARM) return;
  const since = (await lastDueCheck()) ?? now;
  const due = await tasksFallingDue(since, now);
  const contacts = await database().contacts.bulkGet(due.map((task) => task.contactId));
  // The worker runs in the machine's zone; the rep reads the time on their own clock.
  const repZone = await readRepZone(machineZone());
  for (const [i, task] of due.entries()) {
    const contact = contacts[i];
    if (!contact) continue;
    // The task id is the notification id: a repeat replaces the shown one rather than adding
    // a second, and a click knows which task it was.
    await browser.notifications.create(task.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON_PATH),
      title: `Follow-up due: ${contact.name}`,
      message: `${CHANNEL_LABEL[task.channel]}, due ${momentLabel(task.dueAt, repZone, now)} — ${task.reason}`,
    });
  }
  // Saved only after announcing: a worker stopped midway repeats (harmlessly, same ids) rather
  // than drops.
  await saveLastDueCheck(Math.max(since, now));
  await refreshDueAlarm(now);
}

/** Opens the contact's CRM record, or the queue when the contact has none that may be opened
 *  (typed in by hand, imported from a CSV file with an empty url, or a stored URL that is not
 *  a supported site's https page: tabs.create would run a data: URL's script). */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  const task = await database().tasks.get(notificationId);
  const contact = task && (await database().contacts.get(task.contactId));
  const record = contact && openableRecordOf(contact.identities);
  const url = record ?? `${browser.runtime.getURL(QUEUE_PAGE_PATH)}#queue`;
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}

function refreshQuietly(): void {
  // The badge is a convenience: a refresh that fails leaves it as it was, and the next change
  // or wake tries again.
  refreshDueAlarm().catch((error: unknown) =>
    console.warn('[Second Call] the badge and due alarm were not refreshed', error),
  );
}

/**
 * Wires the listeners in the background; registered synchronously so a waking worker gets
 * them. The badge and alarm follow the tasks table itself (lib/db/task-changes), so no write
 * can forget them; and the worker refreshes once as it wakes, for what changed while it slept
 * (a sleeping worker hears nothing). Returns what follows the tasks.
 */
export function watchDueTasks(): TaskFollower {
  browser.alarms.onAlarm.addListener((alarm) => void onDueAlarm(alarm));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  const tasks = onTaskChanges(refreshQuietly);
  refreshQuietly();
  return tasks;
}

/** A page of ours whose tasks changed knocks (lib/messaging/wake-background) to wake a
 *  sleeping worker; an awake one has heard the change already, and counts it with the rest. */
export function answerTaskKnocks(tasks: TaskFollower): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TASKS_CHANGED_PORT) return;
    port.disconnect();
    // Only the extension's own pages knock; a site script has no reason to.
    if (port.sender?.url?.startsWith(browser.runtime.getURL('/'))) tasks.changed();
  });
}
