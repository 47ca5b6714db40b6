// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '../../../lib/model';
import { pipedrive, pipedrivePerson } from '../../../lib/sites/pipedrive';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { casesFor, load, parse } from './fixtures';

/** What the snapshot says about the person, without how sure it is (tested on its own). */
function fieldsOf(snapshot: ContactSnapshot | null): Omit<ContactSnapshot, 'evidence'> | null {
  if (!snapshot) return null;
  const fields: Partial<ContactSnapshot> = { ...snapshot };
  delete fields.evidence;
  return fields as Omit<ContactSnapshot, 'evidence'>;
}

const PERSON = 'https://sellerco.pipedrive.com/person/4417';

/** A person page: a header, a details column and an activity feed. */
function page(header: string, details: string | null, feed = '', title = 'Pipedrive'): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body><div class="detailView">` +
      `<header>${header}</header>${details === null ? '' : `<aside>${details}</aside>`}` +
      `<div class="feed">${feed}</div></div></body></html>`,
  );
}

const headerTitle = (name: string) => `<h1 data-testid="header-title">${name}</h1>`;

describe('pipedrive fixtures', () => {
  it.each(casesFor('pipedrive'))('$file', (c) => {
    const { document, url } = load(c);
    expect(pipedrive.detect(document, url)).toEqual(c.expect);
  });
});

describe('pipedrive URLs', () => {
  it.each([
    [PERSON, '4417'],
    [`${PERSON}/`, '4417'],
    [`${PERSON}?tab=activity#notes`, '4417'],
    ['https://acme-eu.pipedrive.com/person/9', '9'],
  ])('%s is a person page', (href, personId) => {
    expect(pipedrivePerson(new URL(href))).toEqual({ personId });
  });

  it.each([
    'https://sellerco.pipedrive.com/persons/list',
    'https://sellerco.pipedrive.com/person/',
    'https://sellerco.pipedrive.com/person/new',
    'https://sellerco.pipedrive.com/deal/915',
    'https://sellerco.pipedrive.com/organization/812',
    'https://sellerco.pipedrive.com/leads/inbox/3b1c',
    'http://sellerco.pipedrive.com/person/4417',
    'https://sellerco.pipedrive.com.evil.example/person/4417',
    'https://pipedrive.com/person/4417',
  ])('%s is not', (href) => {
    expect(pipedrivePerson(new URL(href))).toBeNull();
  });

  it('points the snapshot at the canonical person URL', () => {
    const url = new URL(`${PERSON}/?tab=files#x`);
    expect(pipedrive.detect(page(headerTitle('Jane Doe'), ''), url)?.url).toBe(PERSON);
  });
});

describe('pipedrive reading', () => {
  const url = new URL(PERSON);

  it('reads the header, then the tab title, else waits', () => {
    expect(pipedrive.detect(page(headerTitle('Jane Doe'), ''), url)?.name).toBe('Jane Doe');
    expect(pipedrive.detect(page('', '', '', 'Jane Doe - contact details'), url)?.name).toBe(
      'Jane Doe',
    );
    expect(pipedrive.detect(page('', '', '', 'Pipedrive'), url)).toBeNull();
    expect(pipedrive.detect(page(headerTitle(' - '), ''), url)).toBeNull();
  });

  it('reads links only in the details column, never in the activity feed', () => {
    const feed =
      '<a href="mailto:riley.rep@sellerco.example">Riley</a> <a href="tel:+14155550100">+1 415 555 0100</a> ' +
      '<a href="/organization/9">Other Org</a>';
    expect(fieldsOf(pipedrive.detect(page(headerTitle('Jane Doe'), '', feed), url))).toEqual({
      site: 'pipedrive',
      recordId: '4417',
      url: PERSON,
      name: 'Jane Doe',
    });
    // No details column at all: loose links are not read anywhere.
    expect(fieldsOf(pipedrive.detect(page(headerTitle('Jane Doe'), null, feed), url))).toEqual({
      site: 'pipedrive',
      recordId: '4417',
      url: PERSON,
      name: 'Jane Doe',
    });
  });

  it('reads captioned fields and link values with their query removed', () => {
    const details =
      '<dl><dt>Email</dt><dd><a href="mailto:Jane@Northwind.example?subject=Hi">Jane</a></dd>' +
      '<dt>Phone</dt><dd>+1 415 555 0142</dd><dt>Organization</dt><dd>Northwind Traders</dd>' +
      '<dt>Job title</dt><dd>VP  Operations</dd></dl>';
    expect(fieldsOf(pipedrive.detect(page(headerTitle('Jane Doe'), details), url))).toEqual({
      site: 'pipedrive',
      recordId: '4417',
      url: PERSON,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      phone: '+1 415 555 0142',
      company: 'Northwind Traders',
      title: 'VP Operations',
    });
  });

  it('omits fields it cannot trust, and reads a number out of its label', () => {
    const details =
      '<dl><dt>Email</dt><dd>jane at northwind</dd><dt>Phone</dt><dd>+1 415 555 0142 Work</dd></dl>';
    expect(fieldsOf(pipedrive.detect(page(headerTitle('Jane Doe'), details), url))).toEqual({
      site: 'pipedrive',
      recordId: '4417',
      url: PERSON,
      name: 'Jane Doe',
      phone: '+1 415 555 0142',
    });
    const vague = '<dl><dt>Phone</dt><dd>ask reception</dd><dt>Email</dt><dd>--</dd></dl>';
    const snapshot = pipedrive.detect(page(headerTitle('Jane Doe'), vague), url);
    expect([snapshot?.phone, snapshot?.email]).toEqual([undefined, undefined]);
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = pipedrive.detect(page(headerTitle(long), ''), url);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = pipedrive.detect(
      page(headerTitle("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil"), ''),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});

describe('pipedrive stage', () => {
  const jane = casesFor('pipedrive').find((f) => f.file === 'person.html')!;

  it('is the stage of the person’s one open deal', () => {
    const { document, url } = load(jane);
    expect(pipedrive.detect(document, url)?.stage).toBe('Proposal Made');
  });

  it('is none with several deals', () => {
    const { document, url } = load(jane);
    const deal = document.querySelector('section[aria-label="Deals"] li')!;
    deal.after(deal.cloneNode(true));
    expect(pipedrive.detect(document, url)?.stage).toBeUndefined();
  });

  it('is never read from the activity feed', () => {
    const { document, url } = load(jane);
    document.querySelector('section[aria-label="Deals"]')?.remove();
    document
      .querySelector('.feed')!
      .append(
        fragment(
          document,
          '<section aria-label="Deals"><ul><li><a href="/deal/9">Other</a><dl><dt>Stage</dt><dd>Won</dd></dl></li></ul></section>',
        ),
      );
    expect(pipedrive.detect(document, url)?.stage).toBeUndefined();
  });
});

/** Markup made into nodes of `document`, as a page's own script would add them. */
function fragment(document: Document, markup: string): Node {
  return document.importNode(parse(`<body>${markup}</body>`).body.firstElementChild!, true);
}

describe('pipedrive: only the person the rep sees', () => {
  const url = new URL(PERSON);
  const view = (name: string, email: string, attrs = '') =>
    `<div class="detailView" ${attrs}><header>${headerTitle(name)}</header>` +
    `<aside><dl><dt>Email</dt><dd><a href="mailto:${email}">${email}</a></dd></dl></aside></div>`;
  const jane = view('Jane Doe', 'jane@northwind.example');
  const sam = (attrs: string) => view('Sam Lee', 'sam@contoso.example', attrs);
  const withStyle = (body: string, css = '') =>
    parse(
      `<!DOCTYPE html><html><head><title>Jane Doe - contact details - Pipedrive</title>` +
        `<style>${css}</style></head><body>${body}</body></html>`,
    );

  it.each([
    ['a style-sheet class', 'class="detailView cached"', '.detailView.cached { display: none }'],
    ['the hidden attribute', 'hidden', ''],
    ['visibility: hidden', 'style="visibility: hidden"', ''],
    ['an aria-hidden container', 'aria-hidden="true"', ''],
    ['inert', 'inert', ''],
    ['an off-screen box', 'style="position: absolute; left: -10000px"', ''],
  ])(
    'never reads a cached view of another person hidden by %s, before or after',
    (_, attrs, css) => {
      // The class variant replaces the view's own class attribute.
      const hidden = sam(attrs).replace('class="detailView" class=', 'class=');
      for (const body of [hidden + jane, jane + hidden]) {
        const got = pipedrive.detect(withStyle(body, css), url);
        expect([got?.name, got?.email, got?.evidence?.confidence]).toEqual([
          'Jane Doe',
          'jane@northwind.example',
          'sure',
        ]);
      }
    },
  );

  it('reads nothing from a template of another person', () => {
    const got = pipedrive.detect(withStyle(`<template>${sam('')}</template>${jane}`), url);
    expect(got?.name).toBe('Jane Doe');
  });

  it('is unsure, naming the person shown, when the tab title names someone else', () => {
    const doc = page(headerTitle('Jane Doe'), '', '', 'Sam Lee - contact details - Pipedrive');
    const got = pipedrive.detect(doc, url);
    expect(got?.name).toBe('Jane Doe');
    expect(got?.evidence?.confidence).toBe('unsure');
    expect(got?.evidence?.doubt).toContain('Sam Lee');
  });

  it('is sure on a plain record: URL, header, title and fields agree', () => {
    const details = '<dl><dt>Email</dt><dd><a href="mailto:jane@northwind.example">x</a></dd></dl>';
    const doc = page(headerTitle('Jane Doe'), details, '', 'Jane Doe - contact details');
    expect(pipedrive.detect(doc, url)?.evidence).toEqual({
      signals: ['record-url', 'record-header', 'page-title', 'fields'],
      confidence: 'sure',
    });
  });

  it('never takes a heading or placeholder for the name', () => {
    for (const word of ['Loading…', 'Contacts', 'Récents']) {
      const doc = page(headerTitle(word), '', '', 'Jane Doe - contact details');
      expect(pipedrive.detect(doc, url)?.name).toBe('Jane Doe');
    }
  });

  it('lists the organization’s people as others, never as the person', () => {
    const people =
      '<section aria-label="Organization"><h2>Organization</h2><h3>People (2)</h3><ul>' +
      '<li><a href="/person/5121">Tom Baker</a> <a href="mailto:tom@northwind.example">tom@northwind.example</a> <a href="tel:+14155550999">+1 415 555 0999</a></li>' +
      '<li><a href="/person/4417">Jane Doe</a></li></ul></section>';
    const own = '<dl><dt>Phone</dt><dd>+1 415 555 0142</dd></dl>';
    const got = pipedrive.detect(page(headerTitle('Jane Doe'), people + own), url);
    expect([got?.email, got?.phone]).toEqual([undefined, '+1 415 555 0142']);
    expect(got?.others).toEqual([
      {
        name: 'Tom Baker',
        email: 'tom@northwind.example',
        phone: '+14155550999',
        role: 'associated',
      },
    ]);
  });

  it('lists a deal participant or a hovercard person as others, never as the person', () => {
    const participants =
      '<section><h2>Participants</h2><ul><li><a href="/person/77">Ana Souza</a> ' +
      '<a href="mailto:ana@brightline.example">ana@brightline.example</a></li></ul></section>';
    const hovercard =
      '<div class="hovercard"><a href="/person/78">Priya Natarajan</a><h1>Priya Natarajan</h1></div>';
    const got = pipedrive.detect(page(hovercard + headerTitle('Jane Doe'), participants), url);
    expect([got?.name, got?.email]).toEqual(['Jane Doe', undefined]);
    expect(got?.others?.map((p) => [p.name, p.role])).toEqual([
      ['Priya Natarajan', 'preview'],
      ['Ana Souza', 'associated'],
    ]);
  });
});

describe('pipedrive: values, not captions', () => {
  const url = new URL(PERSON);

  it('reads a value whose element also holds its caption', () => {
    const details =
      '<div>Email jane@northwind.example (Work)</div><div>Phone +1 415 555 0142 (Mobile)</div>' +
      '<div>Job title VP Operations</div><div>Organization Northwind Traders</div>';
    expect(fieldsOf(pipedrive.detect(page(headerTitle('Jane Doe'), details), url))).toEqual({
      site: 'pipedrive',
      recordId: '4417',
      url: PERSON,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      phone: '+1 415 555 0142',
      title: 'VP Operations',
      company: 'Northwind Traders',
    });
  });

  it.each([
    ['German', 'E-Mail', 'Telefon', 'Firma', 'Position'],
    ['French', 'Adresse e-mail', 'Téléphone', 'Entreprise', 'Intitulé du poste'],
    ['Spanish', 'Correo electrónico', 'Teléfono', 'Empresa', 'Cargo'],
  ])('knows the captions of a %s UI', (_, email, phone, company, title) => {
    const details =
      `<dl><dt>${email}</dt><dd>jane@northwind.example</dd><dt>${phone}</dt><dd>+49 30 5550142</dd>` +
      `<dt>${company}</dt><dd>Northwind GmbH</dd><dt>${title}</dt><dd>Einkauf</dd></dl>`;
    const got = pipedrive.detect(page(headerTitle('Jane Doe'), details), url);
    expect([got?.email, got?.phone, got?.company, got?.title]).toEqual([
      'jane@northwind.example',
      '+49 30 5550142',
      'Northwind GmbH',
      'Einkauf',
    ]);
  });
});

describe('pipedrive: never the signed-in rep', () => {
  it('skips the rep’s own name made prominent in the view, and prefers the name the title confirms', () => {
    const doc = parse(
      '<!DOCTYPE html><html><head><title>Jane Doe - contact details - Pipedrive</title></head><body>' +
        '<nav><span class="user">Riley Rep</span></nav><div class="detailView">' +
        '<div class="banner"><h1>Riley Rep</h1></div><h1>Welcome back</h1><h1>Jane Doe</h1><aside></aside></div></body></html>',
    );
    const got = pipedrive.detect(doc, new URL(PERSON));
    expect([got?.name, got?.evidence?.confidence]).toEqual(['Jane Doe', 'sure']);
  });
});
