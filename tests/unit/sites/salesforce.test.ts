// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { salesforce, salesforceRecord } from '../../../lib/sites/salesforce';
import { casesFor, load, parse } from './fixtures';

const ORIGIN = 'https://sellerco.lightning.force.com';
const CONTACT = `${ORIGIN}/lightning/r/Contact/003Dn00000JaneDoeA/view`;
const LEAD = `${ORIGIN}/lightning/r/Lead/00QDn00000JBlakeAA/view`;

/** A record page whose active view holds `body`. */
function page(body: string, title = 'Salesforce', extra = ''): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
      `<div class="lafSinglePaneWindowManager">${extra}` +
      `<div class="windowViewMode-normal oneContent active lafPageHost">${body}</div>` +
      `</div></body></html>`,
  );
}

const highlights = (name: string, items = '') =>
  `<records-highlights2><h1><slot name="primaryField"><lightning-formatted-name>${name}</lightning-formatted-name></slot></h1>` +
  `<div class="secondaryFields"><slot name="secondaryFields">${items}</slot></div></records-highlights2>`;

const item = (label: string, value: string) =>
  `<records-highlights-details-item><div><p class="slds-text-title" title="${label}">${label}</p>` +
  `<p class="fieldComponent"><slot>${value}</slot></p></div></records-highlights-details-item>`;

const layoutItem = (label: string, api: string, value: string, object = 'Contact') =>
  `<records-record-layout-item field-label="${label}" data-target-selection-name="sfdc:RecordField.${object}.${api}">` +
  `<div class="slds-form-element"><div class="slds-form-element__label"><span class="test-id__field-label">${label}</span></div>` +
  `<div class="slds-form-element__control"><span class="test-id__field-value"><slot name="outputField">${value}</slot></span>` +
  `<button title="Edit ${label}"><span class="slds-assistive-text">Edit ${label}</span></button></div></div>` +
  `</records-record-layout-item>`;

describe('salesforce fixtures', () => {
  it.each(casesFor('salesforce'))('$file', (c) => {
    const { document, url } = load(c);
    expect(salesforce.detect(document, url)).toEqual(c.expect);
  });
});

describe('salesforce URLs', () => {
  it.each([
    [CONTACT, { object: 'Contact', id: '003Dn00000JaneDoeA' }],
    [`${CONTACT}/`, { object: 'Contact', id: '003Dn00000JaneDoeA' }],
    [
      `${CONTACT}?ws=%2Flightning%2Fr%2FAccount%2F001Dn00000AbCdEIAZ%2Fview`,
      { object: 'Contact', id: '003Dn00000JaneDoeA' },
    ],
    [LEAD, { object: 'Lead', id: '00QDn00000JBlakeAA' }],
    [`${ORIGIN}/lightning/r/Lead/00QDn00000JBlak/view`, { object: 'Lead', id: '00QDn00000JBlak' }],
    [
      'https://sellerco--uat.sandbox.lightning.force.com/lightning/r/Contact/003Dn00000JaneDoeA/view',
      { object: 'Contact', id: '003Dn00000JaneDoeA' },
    ],
  ])('%s is a contact or lead record', (href, expected) => {
    expect(salesforceRecord(new URL(href))).toEqual(expected);
  });

  it.each([
    `${ORIGIN}/lightning/o/Contact/list?filterName=Recent`,
    `${ORIGIN}/lightning/o/Lead/home`,
    `${ORIGIN}/lightning/r/Account/001Dn00000AbCdEIAZ/view`,
    `${ORIGIN}/lightning/r/Opportunity/006Dn000004AbCdIAK/view`,
    `${ORIGIN}/lightning/r/Contact/003Dn00000JaneDoeA/related/Opportunities/view`,
    `${ORIGIN}/lightning/r/Contact/003Dn00000JaneDoeA/edit`,
    // A contact URL must carry a contact id (003…), a lead URL a lead id (00Q…).
    `${ORIGIN}/lightning/r/Contact/001Dn00000AbCdEIAZ/view`,
    `${ORIGIN}/lightning/r/Lead/003Dn00000JaneDoeA/view`,
    `${ORIGIN}/lightning/r/Contact/003Dn00000JaneDoe/view`,
    'http://sellerco.lightning.force.com/lightning/r/Contact/003Dn00000JaneDoeA/view',
    'https://sellerco.lightning.force.com.evil.example/lightning/r/Contact/003Dn00000JaneDoeA/view',
    'https://sellerco.my.salesforce.com/003Dn00000JaneDoeA',
  ])('%s is not', (href) => {
    expect(salesforceRecord(new URL(href))).toBeNull();
  });

  it('points the snapshot at the canonical record URL', () => {
    const url = new URL(`${CONTACT}?ws=%2Flightning%2Fr%2FAccount%2F001%2Fview#details`);
    expect(salesforce.detect(page(highlights('Jane Doe')), url)?.url).toBe(CONTACT);
  });
});

describe('salesforce reading', () => {
  const url = new URL(CONTACT);

  it('returns null on a record whose name is not rendered yet', () => {
    expect(salesforce.detect(page('<div class="slds-spinner"></div>'), url)).toBeNull();
    expect(salesforce.detect(page(highlights(' — ')), url)).toBeNull();
    expect(salesforce.detect(page('', 'Lightning Experience | Home | Salesforce'), url)).toBeNull();
  });

  it('falls back from the highlights panel to the detail layout, then the tab title', () => {
    const detail = layoutItem(
      'Name',
      'Name',
      '<lightning-formatted-name>Jane Doe</lightning-formatted-name>',
    );
    expect(salesforce.detect(page(detail), url)?.name).toBe('Jane Doe');
    expect(salesforce.detect(page('', 'Jane Doe | Contact | Salesforce'), url)?.name).toBe(
      'Jane Doe',
    );
    // Localized object labels are fine: only the shape of the title counts.
    expect(salesforce.detect(page('', 'Jane Doe | Kontakt | Salesforce'), url)?.name).toBe(
      'Jane Doe',
    );
  });

  it('never reads a cached view of another record', () => {
    const cached =
      `<div class="windowViewMode-normal oneContent lafPageHost">` +
      highlights('Marco Rossi', item('Phone', '<a href="tel:+390212345678">+39 02 1234 5678</a>')) +
      `</div>`;
    expect(salesforce.detect(page('', 'Salesforce', cached), url)).toBeNull();
    expect(salesforce.detect(page(highlights('Jane Doe'), 'Salesforce', cached), url)).toEqual({
      site: 'salesforce',
      recordId: '003Dn00000JaneDoeA',
      url: CONTACT,
      name: 'Jane Doe',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
  });

  it('reads detail fields by caption, then by API name, then by any caption', () => {
    const doc = page(
      highlights('Jane Doe') +
        layoutItem(
          'Email',
          'Email',
          '<lightning-formatted-email><a href="mailto:JANE@NORTHWIND.EXAMPLE">JANE@NORTHWIND.EXAMPLE</a></lightning-formatted-email>',
        ) +
        layoutItem(
          'Mobile',
          'MobilePhone',
          '<lightning-formatted-phone><a href="tel:+14155550199">(415) 555-0199</a></lightning-formatted-phone>',
        ) +
        `<div data-target-selection-name="sfdc:RecordField.Contact.Title"><span class="test-id__field-value">VP   Operations</span></div>` +
        '<dl><dt>Account Name</dt><dd><a href="/lightning/r/001Dn00000AbCdEIAZ/view">Northwind Traders</a></dd></dl>',
    );
    expect(salesforce.detect(doc, url)).toEqual({
      site: 'salesforce',
      recordId: '003Dn00000JaneDoeA',
      url: CONTACT,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      phone: '(415) 555-0199',
      company: 'Northwind Traders',
      title: 'VP Operations',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
  });

  it('reads a header lookup that sits beside its value element, as a browser parses it', () => {
    // "<p class=fieldComponent>…<div>" parsed as HTML: the <div> holding the link leaves the <p>.
    const lookup =
      '<records-highlights-details-item><div><p class="slds-text-title" title="Account Name">Account Name</p>' +
      '<p class="fieldComponent"><slot><force-lookup></force-lookup></slot></p>' +
      '<div><records-hoverable-link><a href="/lightning/r/001Dn00000AbCdEIAZ/view"><span>Northwind Traders</span></a>' +
      '</records-hoverable-link></div><p></p></div></records-highlights-details-item>';
    const doc = page(highlights('Jane Doe', item('Title', 'VP Operations') + lookup));
    expect(salesforce.detect(doc, new URL(CONTACT))).toMatchObject({
      company: 'Northwind Traders',
      title: 'VP Operations',
    });
  });

  it('never takes a caption or an edit button for a value', () => {
    const doc = page(highlights('Jane Doe') + layoutItem('Title', 'Title', ''));
    expect(salesforce.detect(doc, url)?.title).toBeUndefined();
  });

  it("reads a lead's company from its Company field, not an account", () => {
    const doc = page(
      highlights(
        'Jordan Blake',
        item('Account Name', 'Wrong Co') + item('Company', 'Contoso Freight'),
      ),
    );
    expect(salesforce.detect(doc, new URL(LEAD))?.company).toBe('Contoso Freight');
    expect(salesforce.detect(doc, url)?.company).toBe('Wrong Co');
  });

  it('omits fields it cannot trust and never returns undefined keys', () => {
    const doc = page(
      highlights(
        'Jane Doe',
        item('Email', '<a href="mailto:jane at northwind">jane at northwind</a>') +
          item('Phone', '<a href="tel:ask">ask reception</a>') +
          item('Title', '—'),
      ),
    );
    const snapshot = salesforce.detect(doc, url);
    expect(snapshot).toEqual({
      site: 'salesforce',
      recordId: '003Dn00000JaneDoeA',
      url: CONTACT,
      name: 'Jane Doe',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = salesforce.detect(page(highlights(long, item('Title', long))), url);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(snapshot?.title?.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = salesforce.detect(
      page(highlights("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil")),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});

describe('salesforce stage', () => {
  it('is a lead’s status', () => {
    const lead = casesFor('salesforce').find((f) => f.file === 'lead-record.html')!;
    const { document, url } = load(lead);
    expect(salesforce.detect(document, url)?.stage).toBe('Working - Contacted');
  });

  it('is never read on a contact, whose page shows no stage of its own', () => {
    const jane = casesFor('salesforce').find((f) => f.file === 'contact-record.html')!;
    const { document, url } = load(jane);
    // The related opportunity's stage is on the page, but it is the opportunity's.
    expect(document.body.textContent).toContain('Proposal');
    expect(salesforce.detect(document, url)?.stage).toBeUndefined();
  });
});
