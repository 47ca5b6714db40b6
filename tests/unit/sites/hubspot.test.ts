// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hubspot, hubspotContactRecord } from '../../../lib/sites/hubspot';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { adapterFor } from '../../../lib/sites/registry';
import { casesFor, load, parse } from './fixtures';

const RECORD = 'https://app.hubspot.com/contacts/4412789/record/0-1/42';

/** A record page with just the given markup in the record's column. */
function page(body: string, title = 'HubSpot'): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
      `<div data-test-id="left-sidebar">${body}</div></body></html>`,
  );
}

const highlight = (name: string) =>
  `<div data-selenium-test="contact-highlight-details"><h3><span data-selenium-test="highlightTitle">${name}</span></h3></div>`;

const property = (name: string, label: string, value: string) =>
  `<span data-test-id="${name}"><div data-deferred-property-input-root="true">` +
  `<div><label><span>${label}</span></label></div>` +
  `<div data-test-id="hover-content-wrapper"><span data-selenium-test="property-input-${name}">${value}</span></div>` +
  `</div></span>`;

describe('hubspot fixtures', () => {
  it.each(casesFor('hubspot'))('$file', (c) => {
    const { document, url } = load(c);
    expect(hubspot.detect(document, url)).toEqual(c.expect);
  });
});

describe('hubspot URLs', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1/record/0-1/2', { portalId: '1', contactId: '2' }],
    ['https://app.hubspot.com/contacts/1/record/0-1/2/', { portalId: '1', contactId: '2' }],
    ['https://app.hubspot.com/contacts/1/contact/2', { portalId: '1', contactId: '2' }],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-1/2', { portalId: '1', contactId: '2' }],
    ['https://app-na2.hubspot.com/contacts/1/record/0-1/2', { portalId: '1', contactId: '2' }],
    ['https://app-na3.hubspot.com/contacts/1/record/0-1/2', { portalId: '1', contactId: '2' }],
    ['https://app-ap1.hubspot.com/contacts/1/contact/2', { portalId: '1', contactId: '2' }],
  ])('%s is a contact record', (href, expected) => {
    expect(hubspotContactRecord(new URL(href))).toEqual(expected);
  });

  it.each([
    'https://app-eu1.hubspot.com/contacts/4412789/record/0-1/51234501',
    'https://app-na2.hubspot.com/contacts/4412789/record/0-1/51234501',
    'https://app-na3.hubspot.com/contacts/4412789/record/0-1/51234501',
    'https://app-ap1.hubspot.com/contacts/4412789/record/0-1/51234501',
  ])('reads the record at its data centre’s host, %s', (href) => {
    const c = casesFor('hubspot').find((f) => f.file === 'contact-record.html')!;
    const got = hubspot.detect(load(c).document, new URL(href));
    expect(got).toEqual({ ...c.expect, url: href });
    expect(adapterFor(new URL(href))?.id).toBe('hubspot');
  });

  it.each([
    'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/1/contacts/list/view/all/',
    'https://app.hubspot.com/contacts/1/record/0-2/2',
    'https://app.hubspot.com/contacts/1/record/0-3/2',
    'https://app.hubspot.com/contacts/1/record/2-123/2',
    'https://app.hubspot.com/contacts/1/record/0-1/',
    'https://app.hubspot.com/reports-dashboard/1',
    'http://app.hubspot.com/contacts/1/record/0-1/2',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2',
    // Only HubSpot's own app hosts, each named: no other hubspot.com subdomain.
    'https://app-xx9.hubspot.com/contacts/1/record/0-1/2',
    'https://www.hubspot.com/contacts/1/record/0-1/2',
    'https://evil-app.hubspot.com/contacts/1/record/0-1/2',
    'https://evil.example/contacts/1/record/0-1/2',
  ])('%s is not', (href) => {
    expect(hubspotContactRecord(new URL(href))).toBeNull();
  });

  it('points the snapshot at the canonical record URL', () => {
    const url = new URL(`${RECORD}/view/1?interaction=note#activity`);
    expect(hubspot.detect(page(highlight('Jane Doe')), url)?.url).toBe(RECORD);
  });
});

describe('hubspot reading', () => {
  const url = new URL(RECORD);

  it('returns null on a record whose name is not rendered yet', () => {
    expect(
      hubspot.detect(page('<div class="skeleton"></div>', 'Contacts | HubSpot'), url),
    ).toBeNull();
    expect(hubspot.detect(page(highlight('  --  '), 'HubSpot'), url)).toBeNull();
  });

  it('falls back from the highlight card to first and last name, then the tab title', () => {
    const names =
      property('firstname', 'First name', 'Jane') + property('lastname', 'Last name', 'Doe');
    expect(hubspot.detect(page(names), url)?.name).toBe('Jane Doe');
    expect(hubspot.detect(page(''), url)).toBeNull();
    expect(hubspot.detect(page('', 'Jane Doe | HubSpot'), url)?.name).toBe('Jane Doe');
  });

  it('reads labelled fields when the structured attributes are missing', () => {
    const doc = page(
      highlight('Jane Doe') +
        '<div><label for="f-email">Email</label><input id="f-email" value="JANE@NORTHWIND.EXAMPLE"></div>' +
        '<div><label>Phone number</label><div><span>+1 415 555 0142</span></div></div>' +
        '<dl><dt>Job title</dt><dd>VP   Operations</dd><dt>Company name</dt><dd><b>Northwind</b> Traders</dd></dl>',
    );
    expect(hubspot.detect(doc, url)).toEqual({
      site: 'hubspot',
      recordId: '42',
      url: RECORD,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      phone: '+1 415 555 0142',
      company: 'Northwind Traders',
      title: 'VP Operations',
      evidence: { signals: ['record-url', 'record-header', 'fields'], confidence: 'sure' },
    });
  });

  it('omits fields it cannot trust and never returns undefined keys', () => {
    const doc = page(
      highlight('Jane Doe') +
        property('email', 'Email', 'jane at northwind') +
        property('phone', 'Phone number', 'ask reception') +
        property('jobtitle', 'Job title', '—') +
        property('company', 'Company name', ''),
    );
    const snapshot = hubspot.detect(doc, url);
    expect(snapshot).toEqual({
      site: 'hubspot',
      recordId: '42',
      url: RECORD,
      name: 'Jane Doe',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
  });

  it('reads only the record column, not association cards beside it', () => {
    const doc = parse(
      `<title>HubSpot</title><div data-test-id="left-sidebar">${highlight('Jane Doe')}</div>` +
        '<div data-test-id="right-sidebar"><dl><dt>Phone number</dt><dd>+1 415 555 0100</dd></dl>' +
        '<span data-selenium-test="property-input-jobtitle">Company CEO</span></div>',
    );
    expect(hubspot.detect(doc, url)).toEqual({
      site: 'hubspot',
      recordId: '42',
      url: RECORD,
      name: 'Jane Doe',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
  });

  it('caps extremely long text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = hubspot.detect(
      page(highlight(long) + property('company', 'Company name', long)),
      url,
    );
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(snapshot?.company?.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(snapshot?.name.startsWith('Bartholomew Bartholomew')).toBe(true);
  });

  it('gives markup back as its literal text', () => {
    const snapshot = hubspot.detect(
      page(highlight("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil")),
      url,
    );
    expect(snapshot?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});
