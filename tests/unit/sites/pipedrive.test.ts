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
