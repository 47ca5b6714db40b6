// Stored links that are not a CRM record's page — as an old backup or a hand-edited file could
// leave them — are never offered as links. Written with raw IndexedDB into the extension's own
// database (past every import check), then shown by the real dashboard.
import { afterEach, describe, expect, it } from 'vitest';
import { count, visible } from './see';
import { ExtensionSession, putRecords } from './harness';

const HUBSPOT_RECORD = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const HOSTILE: Record<string, string> = {
  'Dana Data': 'data:text/html,<script>alert(document.domain)</script>',
  'Chris Chrome': 'chrome://settings/',
  'Fran File': 'file:///etc/passwd',
  'Jay Script': 'javascript:alert(1)',
  'Eve Elsewhere': 'https://app.hubspot.com.evil.com/contacts/1/record/0-1/7',
};

function contact(id: string, name: string, url: string) {
  return {
    id,
    name,
    emails: [],
    phones: [],
    identities: [{ site: 'hubspot', recordId: id, url }],
    identityKeys: [`hubspot:${id}`],
    createdAt: 1,
    updatedAt: 1,
  };
}

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the queue links only to CRM records', () => {
  it('shows "Open record" for a HubSpot record and no link for data:, chrome:, file:, javascript: or another host', async () => {
    session = await ExtensionSession.launch();
    const dashboard = await session.openExtensionPage('options.html#queue');
    const people = [['Maria Lopez', HUBSPOT_RECORD], ...Object.entries(HOSTILE)];
    const now = Date.now();
    await putRecords(
      dashboard,
      'contacts',
      people.map(([name, url], i) => contact(`c${i}`, name!, url!)),
    );
    await putRecords(
      dashboard,
      'tasks',
      people.map((_, i) => ({
        id: `t${i}`,
        contactId: `c${i}`,
        dueAt: now - (i + 1) * 60_000,
        channel: 'call',
        status: 'open',
        reason: 'attempt 2 of 4',
        createdAt: 1,
      })),
    );
    await dashboard.reload();
    const queue = dashboard.getByRole('list', { name: 'Follow-up queue' });
    await count(queue.getByRole('listitem'), people.length);
    const entryOf = (name: string) => queue.getByRole('listitem').filter({ hasText: name }).first();

    const maria = entryOf('Maria Lopez');
    await visible(maria.getByRole('link', { name: 'Open record' }));
    expect(await maria.getByRole('link', { name: 'Open record' }).getAttribute('href')).toBe(
      HUBSPOT_RECORD,
    );
    for (const name of Object.keys(HOSTILE)) {
      const entry = entryOf(name);
      expect(await entry.textContent()).toContain('No CRM record');
      expect(await entry.locator('a').count()).toBe(0);
    }
    // Nowhere on the page is there a link to any of them.
    const hrefs = await dashboard
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const url of Object.values(HOSTILE)) expect(hrefs).not.toContain(url);
  });
});
