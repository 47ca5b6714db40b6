// @vitest-environment happy-dom
// Issue 13's CRM cases: the person on a CRM page is the record the rep sees, its fields are
// values without their captions, other people on the page are never the contact, and each
// detection says which signals agreed.
import { describe, expect, it } from 'vitest';
import { close } from '../../../lib/sites/close';
import { hubspot } from '../../../lib/sites/hubspot';
import { salesforce } from '../../../lib/sites/salesforce';
import { casesFor, html, parse, type FixtureCase } from './fixtures';

const fixture = (site: string, file: string): FixtureCase => {
  const found = casesFor(site).find((c) => c.file === file);
  if (!found) throw new Error(`${site}/${file} is not in cases.json`);
  return found;
};

/** A fresh, parsed copy of a saved page (a cloned document would have no style sheets). */
const open = (c: FixtureCase) => ({ document: parse(html(c)), url: new URL(c.url) });

describe('a HubSpot record whose property rows hold the caption and the value in one element', () => {
  const c = fixture('hubspot', 'contact-caption-in-value.html');

  it('reads the email and phone by pattern and each value without its caption', () => {
    const { document, url } = open(c);
    expect(hubspot.detect(document, url)).toMatchObject({
      name: 'Lena Ortiz',
      email: 'lena.ortiz@lumenfreight.example',
      phone: '+1 312 555 0187',
      company: 'Lumen Freight',
      title: 'VP Operations',
      stage: 'Opportunity',
    });
  });

  it.each([
    ['German', ['E-Mail', 'Telefonnummer', 'Firmenname', 'Berufsbezeichnung']],
    [
      'French',
      ['Adresse e-mail', 'Numéro de téléphone', "Nom de l'entreprise", 'Intitulé du poste'],
    ],
    ['Spanish', ['Correo electrónico', 'Número de teléfono', 'Nombre de la empresa', 'Cargo']],
  ])('reads the values under %s captions', (_, [email, phone, company, title]) => {
    const { document, url } = open(c);
    const row = (name: string) =>
      document.querySelector(`[data-selenium-test="property-input-${name}"]`)!;
    row('email').querySelector('span')!.textContent = email!;
    row('phone').textContent = `${phone} +1 312 555 0187`;
    row('company').querySelector('span')!.textContent = company!;
    row('jobtitle').textContent = `${title}: VP Operations`;
    expect(hubspot.detect(document, url)).toMatchObject({
      email: 'lena.ortiz@lumenfreight.example',
      phone: '+1 312 555 0187',
      company: 'Lumen Freight',
      title: 'VP Operations',
    });
  });

  it('never stores a caption as a value when the value is empty', () => {
    const { document, url } = open(c);
    document.querySelector('[data-selenium-test="property-input-jobtitle"]')!.textContent =
      'Job title';
    expect(hubspot.detect(document, url)?.title).toBeUndefined();
  });
});

// How a single-page CRM keeps an earlier view in the page without showing it.
const HIDINGS: ReadonlyArray<readonly [string, (el: Element) => void]> = [
  ['a class hidden by a style sheet', (el) => el.classList.add('record-view--cached')],
  ['the hidden attribute', (el) => el.setAttribute('hidden', '')],
  ['display:none inline', (el) => el.setAttribute('style', 'display: none')],
  ['visibility:hidden', (el) => el.setAttribute('style', 'visibility: hidden')],
  ['aria-hidden on the container', (el) => el.setAttribute('aria-hidden', 'true')],
  ['inert', (el) => el.setAttribute('inert', '')],
  ['off-screen', (el) => el.setAttribute('style', 'position: absolute; left: -10000px')],
];

describe('a CRM that keeps the previously viewed record in the page, hidden', () => {
  const hub = fixture('hubspot', 'contact-cached-record.html');
  const dana = {
    name: 'Dana Whitfield',
    email: 'dana@whitfield-logistics.example',
    evidence: { confidence: 'sure' },
  };

  it('HubSpot: reads the record on screen, not the cached one before it', () => {
    const { document, url } = open(hub);
    expect(hubspot.detect(document, url)).toMatchObject(dana);
  });

  it.each(HIDINGS)('HubSpot: a cached record hidden by %s, before or after', (_, hide) => {
    for (const after of [false, true]) {
      const { document, url } = open(hub);
      const [cached, shown] = Array.from(document.querySelectorAll('[data-test-id="record-page"]'));
      cached!.classList.remove('record-view--cached');
      hide(cached!);
      if (after) shown!.after(cached!);
      const got = hubspot.detect(document, url);
      expect(got, `after: ${after}`).toMatchObject(dana);
      expect(JSON.stringify(got)).not.toContain('Marco');
    }
  });

  it('HubSpot: a cached record inside a <template> is never read', () => {
    const { document, url } = open(hub);
    const cached = document.querySelector('[data-test-id="record-page"]')!;
    const template = document.createElement('template');
    cached.classList.remove('record-view--cached');
    cached.before(template);
    template.content.appendChild(cached);
    expect(hubspot.detect(document, url)).toMatchObject(dana);
  });

  it('Salesforce: reads the console tab on screen, not the workspace tab kept hidden before it', () => {
    const { document, url } = open(fixture('salesforce', 'console-workspace-tabs.html'));
    const got = salesforce.detect(document, url);
    expect(got).toMatchObject({
      name: 'Dana Whitfield',
      email: 'dana@whitfield-logistics.example',
      phone: '(617) 555-0123',
      company: 'Whitfield Logistics',
      evidence: { confidence: 'sure' },
    });
    expect(JSON.stringify(got)).not.toContain('Marco');
  });

  it.each(HIDINGS.slice(1))(
    'Salesforce: a workspace tab hidden by %s, before or after',
    (_, hide) => {
      for (const after of [false, true]) {
        const { document, url } = open(fixture('salesforce', 'console-workspace-tabs.html'));
        const [cached, shown] = Array.from(document.querySelectorAll('[role="tabpanel"]'));
        cached!.classList.remove('slds-hide');
        hide(cached!);
        if (after) shown!.after(cached!);
        const got = salesforce.detect(document, url);
        expect(got, `after: ${after}`).toMatchObject({
          name: 'Dana Whitfield',
          phone: '(617) 555-0123',
        });
        expect(JSON.stringify(got)).not.toContain('Marco');
      }
    },
  );

  it('Close: reads the lead on screen, not the cached lead column before it', () => {
    const { document, url } = open(fixture('close', 'lead-current.html'));
    const root = document.getElementById('root')!;
    const cached = document.createElement('div');
    cached.setAttribute('hidden', '');
    const markup = parse(
      '<h1>Fabrikam SpA</h1><div><button type="button">Contacts 1</button>' +
        '<div><div><span>Marco Rossi</span><a href="tel:+390212345678">+39 02 1234 5678</a></div></div></div>',
    );
    for (const node of Array.from(markup.body.childNodes)) {
      cached.appendChild(document.importNode(node, true));
    }
    root.before(cached);
    const got = close.detect(document, url);
    expect(got).toMatchObject({ name: 'Lena Ortiz', phone: '+1 312-555-0187' });
    expect(JSON.stringify(got)).not.toContain('Marco');
  });
});

describe('nobody on a Close lead page', () => {
  it('finds the contact on the current lead page layout', () => {
    const c = fixture('close', 'lead-current.html');
    const { document, url } = open(c);
    expect(close.detect(document, url)).toEqual(c.expect);
    expect(c.expect).toMatchObject({
      name: 'Lena Ortiz',
      email: 'lena.ortiz@lumenfreight.example',
      phone: '+1 312-555-0187',
      company: 'Lumen Freight',
      evidence: { confidence: 'sure' },
      others: [{ name: 'Tom Becker', role: 'associated' }],
    });
  });

  it('takes no toggle, action or empty-state text for a person', () => {
    const { document, url } = open(fixture('close', 'lead-current.html'));
    for (const card of Array.from(document.querySelectorAll('.m5Hs2'))) card.remove();
    expect(close.detect(document, url)).toBeNull();
  });
});

describe('other people beside the record', () => {
  it('HubSpot: never the hovercard or association card person, who are listed as others', () => {
    const c = fixture('hubspot', 'contact-association-hovercard.html');
    const { document, url } = open(c);
    expect(hubspot.detect(document, url)).toMatchObject({
      name: 'Priya Raman',
      email: 'priya.raman@lumenfreight.example',
      others: [
        { name: 'Omar Haddad', role: 'preview', email: 'omar.haddad@lumenfreight.example' },
        { name: 'Sam Patel', role: 'associated', email: 'sam.patel@lumenfreight.example' },
      ],
    });
  });

  it('HubSpot: a preview before the record is not read when no record column is marked', () => {
    const c = fixture('hubspot', 'contact-association-hovercard.html');
    const { document, url } = open(c);
    document.querySelector('[data-test-id="left-sidebar"]')!.removeAttribute('data-test-id');
    expect(hubspot.detect(document, url)?.name).toBe('Priya Raman');
  });

  it('Salesforce: never a hover preview of another contact opened before the record', () => {
    const doc = parse(
      '<title>Salesforce</title><body>' +
        '<div class="forceHoverPanel" role="dialog" aria-label="Kim Lee"><records-highlights2>' +
        '<slot name="primaryField"><lightning-formatted-name>Kim Lee</lightning-formatted-name>' +
        '</slot></records-highlights2></div>' +
        '<records-highlights2><h1><slot name="primaryField"><lightning-formatted-name>Jane Doe' +
        '</lightning-formatted-name></slot></h1></records-highlights2></body>',
    );
    const url = new URL(
      'https://sellerco.lightning.force.com/lightning/r/Contact/003Dn00000JaneDoeA/view',
    );
    expect(salesforce.detect(doc, url)?.name).toBe('Jane Doe');
  });

  it.each(['Recent', 'Contacts', 'Loading…', 'Zuletzt', 'Récents'])(
    'HubSpot: "%s" in the header is no name',
    (placeholder) => {
      const { document, url } = open(fixture('hubspot', 'contact-record.html'));
      document.title = 'HubSpot';
      document.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = placeholder;
      expect(hubspot.detect(document, url)).toBeNull();
    },
  );
});

describe('agreement before a name', () => {
  it.each([
    ['hubspot', 'contact-record.html', 'Jane Doe | HubSpot', 'Ann Lee | HubSpot'],
    [
      'salesforce',
      'contact-record.html',
      'Jane Doe | Contact | Salesforce',
      'Ann Lee | Contact | Salesforce',
    ],
  ])('%s: a page title naming someone else makes the detection unsure', (site, file) => {
    const adapter = site === 'hubspot' ? hubspot : salesforce;
    const { document, url } = open(fixture(site, file));
    expect(adapter.detect(document, url)?.evidence?.confidence).toBe('sure');
    document.title = document.title.replace('Jane Doe', 'Ann Lee');
    expect(adapter.detect(document, url)).toMatchObject({
      name: 'Jane Doe',
      evidence: { confidence: 'unsure', doubt: 'The page title names Ann Lee' },
    });
  });

  it('HubSpot: a name only the page title gives is unsure', () => {
    const doc = parse(
      '<title>Jane Doe | HubSpot</title><div data-test-id="left-sidebar"><div class="skeleton"></div></div>',
    );
    const got = hubspot.detect(doc, new URL('https://app.hubspot.com/contacts/1/record/0-1/2'));
    expect(got).toMatchObject({ name: 'Jane Doe', evidence: { confidence: 'unsure' } });
    expect(got?.evidence?.doubt).toMatch(/Only the page title names Jane Doe/);
  });

  it.each([
    ['hubspot', hubspot],
    ['salesforce', salesforce],
    ['close', close],
  ] as const)(
    '%s: every plain record fixture is sure, with the record URL among its signals',
    (site, adapter) => {
      for (const c of casesFor(site).filter((f) => f.expect !== null)) {
        const { document, url } = open(c);
        const got = adapter.detect(document, url);
        expect(got?.evidence?.confidence, c.file).toBe('sure');
        expect(got?.evidence?.signals, c.file).toContain('record-url');
      }
    },
  );
});
