// A damaged profile, in the real browser: a follow-up due at 1e20 and a rep time zone
// "Not/AZone" written straight into the extension's database. No screen goes blank: the part
// that cannot show its record says so and offers the repair, the rest keeps working.
import { afterEach, describe, expect, it } from 'vitest';
import { contains, count, visible } from './see';
import { ExtensionSession, fixtureCases, putRecords, readDatabase } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('no screen goes blank', () => {
  it('a follow-up due at 1e20 and an unknown rep zone: the part says so, the rest works, Remove repairs', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const tabId = await session.tabIdOf(crm);
    let panel = await session.openPanel(tabId);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    const jane = (await readDatabase(panel)).stores.contacts!.find((c) => c.name === 'Jane Doe')!;

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#settings`);
    await visible(options.getByRole('form', { name: 'Your details' }));
    await putRecords(options, 'tasks', [
      {
        id: 'damaged-task',
        contactId: jane.id,
        dueAt: 1e20,
        channel: 'call',
        status: 'open',
        reason: 'from an old backup',
        createdAt: 1,
      },
    ]);
    await putRecords(options, 'settings', [
      {
        id: 'rep',
        repName: 'Rita Rep',
        company: 'Acme',
        callbackNumber: '+1 555 0100',
        timeZone: 'Not/AZone',
      },
    ]);
    const zone = await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const warning = `Your time zone setting "Not/AZone" is not one this browser knows; times are shown in ${zone}. Fix it in Settings.`;

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#queue`);
    await contains(
      dashboard.getByRole('alert'),
      'This part could not be shown — the follow-up queue.',
    );
    await contains(dashboard.getByText(/Your time zone setting/), warning);
    // The navigation and the other pages keep working.
    await dashboard.getByRole('link', { name: 'Insights' }).click();
    await visible(dashboard.getByRole('heading', { level: 1, name: 'Insights' }));
    await count(dashboard.getByRole('alert'), 0);
    await dashboard.getByRole('link', { name: 'Queue' }).click();
    await contains(dashboard.getByRole('alert'), 'the follow-up queue');

    // Jane's panel: her next follow-up is the part that fails; her name, her notes and the
    // outcome buttons are there, and so is the warning.
    await panel.close();
    panel = await session.openPanel(tabId);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await contains(
      panel.getByRole('alert'),
      "This part could not be shown — Jane Doe's next follow-up.",
    );
    await visible(panel.getByRole('group', { name: 'Log outcome' }));
    await visible(panel.getByRole('textbox', { name: 'New note' }));
    await contains(panel.getByText(/Your time zone setting/), warning);

    await dashboard.getByRole('button', { name: 'Remove records that cannot be shown' }).click();
    await visible(dashboard.getByText('Removed 1 follow-up whose date was out of range.'));
    await visible(dashboard.getByText(/^Nothing to follow up\./));
    await count(dashboard.getByRole('alert'), 0);
    await expect.poll(async () => (await readDatabase(dashboard)).stores.tasks!.length).toBe(0);

    await panel.reload();
    await visible(panel.getByText('No follow-up scheduled.'));
    await count(panel.getByRole('alert'), 0);
  });
});
