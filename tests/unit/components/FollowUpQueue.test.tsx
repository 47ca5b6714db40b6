// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FollowUpQueue } from '@/components/FollowUpQueue';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';

const DAY = 86_400_000;

function contact(id: string, name: string, url = ''): Contact {
  return {
    id,
    name,
    emails: [],
    phones: [],
    timeZone: 'America/New_York',
    identities: [{ site: url ? 'hubspot' : 'csv', recordId: id, url }],
    identityKeys: [],
    createdAt: 0,
    updatedAt: 0,
  };
}

function task(id: string, contactId: string, dueAt: number, extra: Partial<Task> = {}): Task {
  return {
    id,
    contactId,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: '2 business days after a connected call',
    createdAt: 1,
    ...extra,
  };
}

async function renderQueue(contacts: Contact[], tasks: Task[]) {
  await database().contacts.bulkPut(contacts);
  await database().tasks.bulkPut(tasks);
  render(<FollowUpQueue />);
  const list = await screen.findByRole('list', { name: 'Follow-up queue' });
  await vi.waitFor(() =>
    expect(within(list).queryAllByRole('listitem')).toHaveLength(tasks.length),
  );
  return list;
}

const entry = (list: HTMLElement, name: string) =>
  within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(name))!;

const openTasks = async () => (await database().tasks.toArray()).filter((t) => t.status === 'open');

afterEach(cleanup);

describe('the follow-up queue', () => {
  it('says what Done does once, above the queue, not on every entry', async () => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez'), contact('c2', 'Sam Lee'), contact('c3', 'Ann Kim')],
      [
        task('t1', 'c1', Date.now() - 1000),
        task('t2', 'c2', Date.now() + DAY, { channel: 'email' }),
        task('t3', 'c3', Date.now() + 2 * DAY),
      ],
    );
    expect(screen.getAllByText(/^Done on a call asks how the call went/)).toHaveLength(1);
    expect(list.textContent).not.toMatch(/Done on a call|schedules the next step/);
    for (const done of within(list).getAllByRole('button', { name: 'Done' }))
      expect(done.getAttribute('aria-describedby')).toBe('queue-done-hint');
  });

  it('shows follow-ups more than 30 days out as "Later", with the counts', async () => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez'), contact('c2', 'Sam Lee')],
      [
        task('soon', 'c1', Date.now() + 3 * DAY),
        task('month', 'c2', Date.now() + 40 * DAY, { channel: 'email' }),
      ],
    );
    expect(entry(list, 'Sam Lee').textContent).toMatch(/^Later/);
    expect(entry(list, 'Maria Lopez').textContent).toMatch(/^Upcoming/);
    expect(screen.getByText(/1 upcoming \(next 30 days\) · 1 later/)).toBeTruthy();
  });

  it('Done on an email task logs the email sent and schedules the next step', async () => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez')],
      [task('t1', 'c1', Date.now() - 1000, { channel: 'email', reason: 'attempt 2 of 4' })],
    );
    const item = entry(list, 'Maria Lopez');
    expect(item.textContent).not.toContain('logs it as sent');
    await userEvent.click(within(item).getByRole('button', { name: 'Done' }));
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(1));
    const [attempt] = await database().attempts.toArray();
    expect(attempt).toMatchObject({ outcome: 'email-sent', channel: 'email', contactId: 'c1' });
    const open = await openTasks();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ channel: 'call', attemptId: attempt!.id });
    expect((await database().tasks.get('t1'))?.status).toBe('done');
  });

  it('Done on a call task asks how the call went and logs that; it never logs a call by itself', async () => {
    const user = userEvent.setup();
    const list = await renderQueue([contact('c1', 'Maria Lopez')], [task('t1', 'c1', Date.now())]);
    const item = entry(list, 'Maria Lopez');
    await user.click(within(item).getByRole('button', { name: 'Done' }));
    expect(await database().attempts.count()).toBe(0);
    expect((await database().tasks.get('t1'))?.status).toBe('open');
    const how = within(item).getByRole('group', { name: 'How did the call with Maria Lopez go?' });
    await user.click(within(how).getByRole('button', { name: 'No answer' }));
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(1));
    expect((await database().attempts.toArray())[0]).toMatchObject({
      outcome: 'no-answer',
      channel: 'call',
    });
    const open = await openTasks();
    expect(open).toHaveLength(1);
    expect(open[0]?.channel).toBe('email');
  });

  it('a call can be skipped on purpose: nothing logged, nothing scheduled', async () => {
    const user = userEvent.setup();
    const list = await renderQueue([contact('c1', 'Maria Lopez')], [task('t1', 'c1', Date.now())]);
    const item = entry(list, 'Maria Lopez');
    await user.click(within(item).getByRole('button', { name: 'Done' }));
    await user.click(within(item).getByRole('button', { name: 'Skip this call' }));
    await vi.waitFor(async () => expect(await openTasks()).toHaveLength(0));
    expect(await database().attempts.count()).toBe(0);
  });

  it('a meeting is done when it took place; no record url means no broken link', async () => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez')],
      [task('m1', 'c1', Date.now() - 1000, { kind: 'meeting', reason: 'Meeting: Tuesday' })],
    );
    const item = entry(list, 'Maria Lopez');
    expect(item.textContent).toContain('· Meeting ·');
    expect(within(item).queryByRole('link')).toBeNull();
    expect(item.textContent).toContain('No CRM record');
    await userEvent.click(within(item).getByRole('button', { name: 'Done' }));
    await vi.waitFor(async () => expect(await openTasks()).toHaveLength(0));
    expect(await database().attempts.count()).toBe(0);
  });
});

describe('the queue links only to CRM records', () => {
  const hubspotRecord = 'https://app.hubspot.com/contacts/1/record/0-1/501';

  it('"Open record" opens the HubSpot record in a new tab', async () => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez', hubspotRecord)],
      [task('t1', 'c1', Date.now())],
    );
    const link = within(entry(list, 'Maria Lopez')).getByRole('link', { name: 'Open record' });
    expect(link.getAttribute('href')).toBe(hubspotRecord);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it.each([
    ['a data: page', 'data:text/html,<script>alert(1)</script>'],
    ["the browser's settings", 'chrome://settings/'],
    ['a local file', 'file:///etc/passwd'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['another host', 'https://app.hubspot.com.evil.com/contacts/1'],
  ])('shows no link to %s a backup stored as a record', async (_, url) => {
    const list = await renderQueue(
      [contact('c1', 'Maria Lopez', url)],
      [task('t1', 'c1', Date.now())],
    );
    const item = entry(list, 'Maria Lopez');
    expect(within(item).queryByRole('link')).toBeNull();
    expect(item.querySelector('a')).toBeNull();
    expect(item.textContent).toContain('No CRM record');
  });

  it('links the first record that may be opened, past one that may not', async () => {
    const both: Contact = {
      ...contact('c1', 'Maria Lopez'),
      identities: [
        { site: 'hubspot', recordId: 'x', url: 'data:text/html,<b>hi</b>' },
        { site: 'hubspot', recordId: '501', url: hubspotRecord },
      ],
    };
    const list = await renderQueue([both], [task('t1', 'c1', Date.now())]);
    const link = within(entry(list, 'Maria Lopez')).getByRole('link', { name: 'Open record' });
    expect(link.getAttribute('href')).toBe(hubspotRecord);
  });
});
