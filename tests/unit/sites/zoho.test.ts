// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '../../../lib/model';
import { matchesPattern } from '../../../lib/sites/match-pattern';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { zoho, zohoContactRecord } from '../../../lib/sites/zoho';
import { casesFor, load, parse } from './fixtures';

/** What the snapshot says about the person, without how sure it is (tested on its own). */
function fieldsOf(snapshot: ContactSnapshot | null): Omit<ContactSnapshot, 'evidence'> | null {
  if (!snapshot) return null;
  const fields: Partial<ContactSnapshot> = { ...snapshot };
  delete fields.evidence;
  return fields as Omit<ContactSnapshot, 'evidence'>;
}

const RECORD = 'https://crm.zoho.com/crm/org60012345/tab/Contacts/4711000000123457';

function page(body: string): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>Zoho CRM</title></head><body>${body}</body></html>`,
  );
}

const titleCard = (name: string, field = 'FULLNAME') =>
  `<div id="tc_mouseArea__${field}"><crux-text-component id="titlecard_${field}"><span class="cxElemCompViewWrap">${name}</span></crux-text-component></div>`;

const field = (column: string, value: string) =>
  `<div id="mouseArea__${column}"><span>${column}</span><span id="subvalue_${column}">${value}</span></div>`;

describe('zoho fixtures', () => {
  it.each(casesFor('zoho'))('$file', (c) => {
    const { document, url } = load(c);
    expect(zoho.detect(document, url)).toEqual(c.expect);
  });
});

describe('zoho URLs', () => {
  it.each([
    [RECORD, { org: 'org60012345', contactId: '4711000000123457' }],
    [`${RECORD}/canvas/76775000000287551`, { org: 'org60012345', contactId: '4711000000123457' }],
    [`${RECORD}?sub_module=&from=list`, { org: 'org60012345', contactId: '4711000000123457' }],
    ['https://crm.zoho.eu/crm/tab/Contacts/4711000000123458', { contactId: '4711000000123458' }],
    [
      'https://crm.zoho.in/crm/org1/tab/Contacts/4711000000123459',
      { org: 'org1', contactId: '4711000000123459' },
    ],
    [
      'https://crm.zoho.com.au/crm/org7/tab/Contacts/4711000000123450',
      { org: 'org7', contactId: '4711000000123450' },
    ],
    // The older id-based address.
    [
      'https://crm.zoho.com/crm/EntityInfo.do?module=Contacts&id=4711000000123457',
      { contactId: '4711000000123457' },
    ],
    [
      'https://crm.zoho.eu/crm/org1/ShowEntityInfo.do?module=Contacts&id=4711000000123460&lookback=true',
      { org: 'org1', contactId: '4711000000123460' },
    ],
  ])('%s is a contact record', (href, expected) => {
    expect(zohoContactRecord(new URL(href))).toEqual(expected);
  });

  it.each([
    'https://crm.zoho.com/crm/org60012345/tab/Contacts/custom-view/4711000000087501/list',
    'https://crm.zoho.com/crm/org60012345/tab/Contacts/create',
    'https://crm.zoho.com/crm/org60012345/tab/Leads/4711000000200001',
    'https://crm.zoho.com/crm/org60012345/tab/Accounts/4711000000102033',
    'https://crm.zoho.com/crm/org60012345/tab/Home/begin',
    'https://crm.zoho.cn/crm/org1/tab/Contacts/4711000000123457',
    'https://crm.zoho.com.evil.example/crm/org1/tab/Contacts/4711000000123457',
    'https://desk.zoho.com/crm/org1/tab/Contacts/4711000000123457',
    'http://crm.zoho.com/crm/org1/tab/Contacts/4711000000123457',
    'https://crm.zoho.com/crm/EntityInfo.do?module=Accounts&id=4711000000102033',
    'https://crm.zoho.com/crm/EntityInfo.do?module=Contacts',
    'https://crm.zoho.com/crm/EntityInfo.do?module=Contacts&id=new',
    'https://crm.zoho.com/crm/tab/EntityInfo.do?module=Contacts&id=4711000000123457',
  ])('%s is not', (href) => {
    expect(zohoContactRecord(new URL(href))).toBeNull();
  });

  it('matches each regional host it reads', () => {
    for (const host of ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au']) {
      const url = new URL(`https://${host}/crm/org1/tab/Contacts/4711000000123457`);
      expect(zoho.matches.some((p) => matchesPattern(p, url))).toBe(true);
    }
  });

  it('points the snapshot at the canonical record URL', () => {
    const url = new URL(`${RECORD}/canvas/76775000000287551?x=1`);
    expect(zoho.detect(page(titleCard('Jane Doe')), url)?.url).toBe(RECORD);
  });
});

describe('zoho reading', () => {
  const url = new URL(RECORD);

  it('returns null on a record whose name is not rendered yet', () => {
    expect(zoho.detect(page('<div class="cxLoadOnViewLoader"></div>'), url)).toBeNull();
    expect(zoho.detect(page(titleCard('  -  ')), url)).toBeNull();
  });

  it('prefers the full name over the last name', () => {
    const doc = page(titleCard('Doe', 'LASTNAME') + titleCard('Jane Doe'));
    expect(zoho.detect(doc, url)?.name).toBe('Jane Doe');
    expect(zoho.detect(page(titleCard('Jane Doe', 'LASTNAME')), url)?.name).toBe('Jane Doe');
  });

  it('never stores a masked value', () => {
    const doc = page(
      titleCard('Jane Doe') +
        field('EMAIL', 'j***@northwind.example') +
        field('PHONE', '*******0142') +
        field('MOBILE', '+1 415 555 0199'),
    );
    expect(fieldsOf(zoho.detect(doc, url))).toEqual({
      site: 'zoho',
      recordId: '4711000000123457',
      url: RECORD,
      name: 'Jane Doe',
      phone: '+1 415 555 0199',
    });
  });

  it("reads a phone only inside the contact's own field, not a related list", () => {
    const related =
      '<crm-related-list-view-header><span class="cxPhoneViewValue lvPhFld">+1 415 555 0100</span></crm-related-list-view-header>';
    expect(zoho.detect(page(titleCard('Jane Doe') + related), url)?.phone).toBeUndefined();
    const own =
      '<div id="mouseArea__PHONE"><span class="cxPhoneViewValue lvPhFld">+1 415 555 0142</span></div>';
    expect(zoho.detect(page(titleCard('Jane Doe') + own + related), url)?.phone).toBe(
      '+1 415 555 0142',
    );
  });

  it('reads captioned fields when the field ids are missing', () => {
    const doc = page(
      titleCard('Jane Doe') +
        '<dl><dt>Email</dt><dd>JANE@NORTHWIND.EXAMPLE</dd><dt>Title</dt><dd>VP Operations</dd>' +
        '<dt>Account Name</dt><dd>Northwind Traders</dd></dl>',
    );
    expect(fieldsOf(zoho.detect(doc, url))).toEqual({
      site: 'zoho',
      recordId: '4711000000123457',
      url: RECORD,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      title: 'VP Operations',
      company: 'Northwind Traders',
    });
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    expect(zoho.detect(page(titleCard(long)), url)?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = zoho.detect(
      page(titleCard("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil")),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});

describe('zoho name fallbacks (a layout without the title card)', () => {
  const c = casesFor('zoho').find((f) => f.file === 'contact-fields.html')!;
  const jane = casesFor('zoho').find((f) => f.file === 'contact.html')!;

  it('reads the First and Last Name fields of the record’s detail view', () => {
    const { document, url } = load(c);
    document.title = 'Zoho CRM';
    expect(fieldsOf(zoho.detect(document, url))).toEqual(fieldsOf(c.expect));
  });

  it('reads the tab title when the name fields are gone too', () => {
    const { document, url } = load(c);
    const rows = Array.from(document.querySelectorAll('.dvField'));
    rows.slice(0, 2).forEach((row) => row.remove());
    expect(zoho.detect(document, url)).toMatchObject({ name: 'Aiko Tanaka' });
  });

  it('never takes half a name for the whole', () => {
    const { document, url } = load(c);
    document.title = 'Zoho CRM';
    document.querySelector('.dvField')?.remove(); // First Name
    expect(zoho.detect(document, url)).toBeNull();
  });

  it('reads nothing when the title card is gone and the tab title is the list’s', () => {
    const { document, url } = load(jane);
    document.querySelector('.dvTitleCard')?.remove();
    document.title = 'Contacts - Zoho CRM';
    expect(zoho.detect(document, url)).toBeNull();
  });

  it('never reads the name fields of another record’s view on the page', () => {
    const { document, url } = load(c);
    document.title = 'Zoho CRM';
    const other = load(jane).document.querySelector('.dvMainContainer')!;
    document.body.appendChild(document.importNode(other, true));
    // Two views and no title card: whose fields these are is not known.
    document.querySelector('#tc_mouseArea__FULLNAME')?.remove();
    expect(zoho.detect(document, url)).toBeNull();
  });
});

describe('zoho stage', () => {
  const jane = casesFor('zoho').find((f) => f.file === 'contact.html')!;

  it('is the stage of the contact’s one deal', () => {
    const { document, url } = load(jane);
    expect(zoho.detect(document, url)?.stage).toBe('Negotiation/Review');
  });

  it('is none with several deals: which one moved is not the contact’s to say', () => {
    const { document, url } = load(jane);
    const row = document.querySelector('lyte-tr')!;
    row.after(row.cloneNode(true));
    expect(zoho.detect(document, url)?.stage).toBeUndefined();
  });

  it('is the contact’s own stage field when the layout shows one', () => {
    const { document, url } = load(jane);
    document
      .querySelector('.dvBody')!
      .append(
        fragment(
          document,
          '<div class="dvField"><div class="dvLabel"><span>Lifecycle Stage</span></div><div class="dvValue"><span>Opportunity</span></div></div>',
        ),
      );
    expect(zoho.detect(document, url)?.stage).toBe('Opportunity');
  });
});

/** Markup made into nodes of `document`, as a page's own script would add them. */
function fragment(document: Document, markup: string): Node {
  return document.importNode(parse(`<body>${markup}</body>`).body.firstElementChild!, true);
}

describe('zoho: only the record the rep sees', () => {
  const url = new URL(RECORD);
  const view = (name: string, email: string, attrs = '') =>
    `<div class="dvMainContainer" ${attrs}>${titleCard(name)}${field('EMAIL', email)}</div>`;
  const jane = view('Jane Doe', 'jane@northwind.example');

  it.each([
    ['the hidden attribute', 'hidden'],
    ['an aria-hidden, inert container', 'aria-hidden="true" inert'],
    ['display: none', 'style="display: none"'],
  ])('never reads a cached record view hidden by %s, before or after', (_, attrs) => {
    const sam = view('Sam Lee', 'sam@contoso.example', attrs);
    for (const body of [sam + jane, jane + sam]) {
      const got = zoho.detect(page(body), url);
      expect([got?.name, got?.email]).toEqual(['Jane Doe', 'jane@northwind.example']);
    }
  });

  it('reads the name fields of the one shown view beside a hidden one', () => {
    const fields = (first: string, last: string, attrs = '') =>
      `<div class="dvMainContainer" ${attrs}><dl><dt>First Name</dt><dd>${first}</dd>` +
      `<dt>Last Name</dt><dd>${last}</dd></dl></div>`;
    const doc = page(fields('Sam', 'Lee', 'hidden') + fields('Jane', 'Doe'));
    expect(zoho.detect(doc, url)?.name).toBe('Jane Doe');
  });

  it('never reads a lookup hovercard or a related list as the contact', () => {
    const hovercard =
      '<lyte-hovercard class="lyteHovercard"><a href="/crm/org1/tab/Contacts/4711000000123470">Olivia Brown</a>' +
      field('EMAIL', 'olivia@brightline.example') +
      '</lyte-hovercard>';
    const related =
      '<crm-related-list-view-header related-module="Contacts"><h3>Related Contacts</h3>' +
      '<lyte-tr><lyte-td><a href="/crm/org1/tab/Contacts/4711000000123471">Liam Chen</a></lyte-td>' +
      '<lyte-td data-zcqa="value_Email">liam@brightline.example</lyte-td></lyte-tr></crm-related-list-view-header>';
    const doc = page(
      `<div class="dvMainContainer">${titleCard('Jane Doe')}${hovercard}${related}</div>`,
    );
    const got = zoho.detect(doc, url);
    expect([got?.name, got?.email]).toEqual(['Jane Doe', undefined]);
    expect(got?.others?.map((p) => [p.name, p.role])).toEqual([
      ['Olivia Brown', 'preview'],
      ['Liam Chen', 'associated'],
    ]);
  });

  it('is unsure when the tab title names another contact than the title card', () => {
    const doc = page(jane);
    doc.title = 'Sam Lee - Contacts - Zoho CRM';
    const got = zoho.detect(doc, url);
    expect(got?.name).toBe('Jane Doe');
    expect(got?.evidence).toMatchObject({ confidence: 'unsure' });
    expect(got?.evidence?.doubt).toContain('Sam Lee');
  });

  it('is sure when the title card and a field agree with the record URL', () => {
    expect(zoho.detect(page(jane), url)?.evidence).toEqual({
      signals: ['record-url', 'record-header', 'fields'],
      confidence: 'sure',
    });
  });

  it('never takes a placeholder in the title card for a name', () => {
    const doc = page(`<div class="dvMainContainer">${titleCard('Loading...')}</div>`);
    expect(zoho.detect(doc, url)).toBeNull();
  });
});

describe("zoho: captions in the rep's language", () => {
  const url = new URL(RECORD);
  const row = (caption: string, value: string) =>
    `<div class="dvField"><div class="dvLabel"><span>${caption}</span></div><div class="dvValue"><span>${value}</span></div></div>`;

  it.each([
    ['German', ['E-Mail', 'Telefon', 'Firmenname', 'Position']],
    ['French', ['Courriel', 'Téléphone', "Nom de l'entreprise", 'Fonction']],
    ['Spanish', ['Correo electrónico', 'Teléfono', 'Nombre de la empresa', 'Cargo']],
  ])('reads a %s UI', (_, [email, phone, company, title]) => {
    const doc = page(
      `<div class="dvMainContainer">${titleCard('Jane Doe')}` +
        row(email!, 'jane@northwind.example') +
        row(phone!, '+33 1 55 50 01 42') +
        row(company!, 'Northwind SARL') +
        row(title!, 'Acheteuse') +
        '</div>',
    );
    const got = zoho.detect(doc, url);
    expect([got?.email, got?.phone, got?.company, got?.title]).toEqual([
      'jane@northwind.example',
      '+33 1 55 50 01 42',
      'Northwind SARL',
      'Acheteuse',
    ]);
  });
});

describe('zoho: values, not captions', () => {
  it('gives a value alone when its element also holds the caption', () => {
    const doc = page(
      titleCard('Jane Doe') +
        field('TITLE', 'Title VP Operations') +
        field('EMAIL', 'Email jane@northwind.example') +
        field('PHONE', '<span class="cxPhoneViewValue">Phone +1 415 555 0142</span>'),
    );
    const got = zoho.detect(doc, new URL(RECORD));
    expect([got?.title, got?.email, got?.phone]).toEqual([
      'VP Operations',
      'jane@northwind.example',
      '+1 415 555 0142',
    ]);
  });
});
