// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../../lib/sites/adapter';
import { adapterFor, SITES, stillOnRecord } from '../../../lib/sites/registry';
import { allCases } from './fixtures';

describe('SITES', () => {
  it('lists each adapter once, with a name and match patterns', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['hubspot', 'gmail']));
    for (const site of SITES) {
      expect(site.name).not.toBe('');
      expect(site.matches.length).toBeGreaterThan(0);
    }
  });
});

describe('adapterFor', () => {
  it.each(allCases().map((c) => [c.url, c.site] as const))('%s → %s', (href, site) => {
    expect(adapterFor(new URL(href))?.id).toBe(site);
  });

  it.each([
    'https://www.hubspot.com/products/crm',
    'https://mail.google.com.evil.example/mail/u/0/',
    'https://calendar.google.com/calendar/u/0/r',
    'http://mail.google.com/mail/u/0/',
    'https://example.com/',
  ])('%s → none', (href) => {
    expect(adapterFor(new URL(href))).toBeUndefined();
  });

  it('takes the first listed adapter whose pattern matches', () => {
    const make = (id: string, matches: string[]): SiteAdapter => ({
      id,
      name: id,
      matches,
      detect: () => null,
    });
    const sites = [make('a', ['https://*.example.com/app/*']), make('b', ['*://*/*'])];
    expect(adapterFor(new URL('https://x.example.com/app/1'), sites)?.id).toBe('a');
    expect(adapterFor(new URL('https://x.example.com/other'), sites)?.id).toBe('b');
  });
});

describe('stillOnRecord', () => {
  // Each site's record, the same record at another URL, and another page of the same site.
  const cases: [string, string, string, string][] = [
    [
      'hubspot',
      'https://app.hubspot.com/contacts/1/record/0-1/501',
      'https://app.hubspot.com/contacts/1/record/0-1/501/view/2?interaction=note',
      'https://app.hubspot.com/contacts/1/record/0-1/502',
    ],
    [
      'gmail',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpJbTzHnRnDlgvXcQk',
      'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXJWDsKmGpJbTzHnRnDlgvXcQk',
      'https://mail.google.com/mail/u/0/#inbox',
    ],
    [
      'salesforce',
      'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000JaneDoeA/view',
      'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000JaneDoeA/view?ws=%2Fx',
      'https://acme.lightning.force.com/lightning/o/Contact/list',
    ],
    [
      'pipedrive',
      'https://acme.pipedrive.com/person/4417',
      'https://acme.pipedrive.com/person/4417/notes',
      'https://acme.pipedrive.com/person/4418',
    ],
    [
      'close',
      'https://app.close.com/lead/lead_Nw4TrD3rs0001xYz/',
      'https://app.close.com/lead/lead_Nw4TrD3rs0001xYz/?tab=emails',
      'https://app.close.com/leads/',
    ],
    [
      'zoho',
      'https://crm.zoho.com/crm/org1/tab/Contacts/4711000000123457',
      'https://crm.zoho.com/crm/org1/tab/Contacts/4711000000123457?sub_module=',
      'https://crm.zoho.com/crm/org1/tab/Contacts/4711000000123458',
    ],
    [
      'linkedin',
      'https://www.linkedin.com/in/jane-doe/',
      'https://www.linkedin.com/in/jane-doe/overlay/contact-info/',
      'https://www.linkedin.com/in/sam-lee/',
    ],
    [
      'outlook',
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D',
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2YjQ3ZDk0LTdmNTAtNDc2Ni1%3D?nlp=1',
      'https://outlook.office.com/mail/inbox',
    ],
    [
      'ringcentral',
      'https://app.ringcentral.com/messages/94011',
      'https://app.ringcentral.com/phone/callhistory',
      'https://example.com/',
    ],
  ];

  it.each(cases)(
    '%s: the same record at another URL, not another page',
    (site, was, same, other) => {
      expect(stillOnRecord({ site, url: was }, same)).toBe(true);
      expect(stillOnRecord({ site, url: was }, other)).toBe(false);
      expect(stillOnRecord({ site, url: was }, '')).toBe(false);
    },
  );

  it('covers every site that has a record to stay on (a dialer: its app)', () => {
    expect(SITES.filter((s) => !s.recordOf && !s.detectCall).map((s) => s.id)).toEqual([]);
  });

  it('compares URLs whole for a site that cannot tell', () => {
    const href = 'http://localhost/contacts/1';
    expect(stillOnRecord({ site: 'demo', url: href }, href)).toBe(true);
    expect(stillOnRecord({ site: 'demo', url: href }, `${href}?x`)).toBe(false);
  });
});
