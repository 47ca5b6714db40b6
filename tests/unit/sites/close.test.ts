// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { close, closeLeadId } from '../../../lib/sites/close';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { casesFor, load, parse } from './fixtures';

const LEAD = 'https://app.close.com/lead/lead_Nw4TrD3rs0001xYz/';

/** A lead page: the lead column with its name and contact cards, then the activity feed. */
function page(leadName: string, cards: string[], feed = '', before = ''): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>Close</title></head><body>${before}` +
      `<aside class="LeadSidebar_sidebar__q8Lm2"><h1 class="LeadHeader_name__Fz1aQ">${leadName}</h1>` +
      `<section class="LeadContacts_section__T4n8s" aria-label="Contacts"><h3>Contacts</h3>` +
      cards.map((c) => `<div class="ContactCard_card__a9Xk3">${c}</div>`).join('') +
      `</section></aside><main>${feed}</main></body></html>`,
  );
}

const card = (name: string, rest = '') =>
  `<div class="ContactCard_name__W2c8j">${name}</div>${rest}`;

describe('close fixtures', () => {
  it.each(casesFor('close'))('$file', (c) => {
    const { document, url } = load(c);
    expect(close.detect(document, url)).toEqual(c.expect);
  });
});

describe('close URLs', () => {
  it.each([
    [LEAD, 'lead_Nw4TrD3rs0001xYz'],
    ['https://app.close.com/lead/lead_Nw4TrD3rs0001xYz', 'lead_Nw4TrD3rs0001xYz'],
    ['https://app.close.com/lead/lead_Nw4TrD3rs0001xYz/tasks/?x=1', 'lead_Nw4TrD3rs0001xYz'],
  ])('%s is a lead page', (href, id) => {
    expect(closeLeadId(new URL(href))).toBe(id);
  });

  it.each([
    'https://app.close.com/leads/',
    'https://app.close.com/lead/',
    'https://app.close.com/lead/cont_Jd81Kq2mLx0aPz7/',
    'https://app.close.com/opportunities/',
    'https://app.close.com/inbox/',
    'http://app.close.com/lead/lead_Nw4TrD3rs0001xYz/',
    'https://close.com/lead/lead_Nw4TrD3rs0001xYz/',
    'https://app.close.com.evil.example/lead/lead_Nw4TrD3rs0001xYz/',
  ])('%s is not', (href) => {
    expect(closeLeadId(new URL(href))).toBeNull();
  });

  it('points the snapshot at the canonical lead URL', () => {
    const url = new URL('https://app.close.com/lead/lead_Nw4TrD3rs0001xYz/tasks/?x=1#a');
    expect(close.detect(page('Northwind', [card('Jane Doe')]), url)?.url).toBe(LEAD);
  });
});

describe('close reading', () => {
  const url = new URL(LEAD);

  it('takes the first contact, and the lead as the company', () => {
    const doc = page('Northwind Traders', [
      card('Jane Doe', '<a href="mailto:Jane@Northwind.example?subject=x">Email</a>'),
      card('Sam Lee', '<a href="tel:+14155550177">+1 415-555-0177</a>'),
    ]);
    expect(close.detect(doc, url)).toEqual({
      site: 'close',
      recordId: 'lead_Nw4TrD3rs0001xYz',
      url: LEAD,
      name: 'Jane Doe',
      email: 'jane@northwind.example',
      company: 'Northwind Traders',
      evidence: { signals: ['record-url', 'record-header', 'fields'], confidence: 'sure' },
      others: [{ name: 'Sam Lee', role: 'associated', phone: '+1 415-555-0177' }],
    });
  });

  it('returns null when the lead shows no contact', () => {
    expect(close.detect(page('Northwind Traders', []), url)).toBeNull();
    expect(close.detect(page('Northwind Traders', ['<div>—</div>']), url)).toBeNull();
    expect(
      close.detect(parse('<title>Close</title><aside><h1>Northwind</h1></aside>'), url),
    ).toBeNull();
  });

  it("skips the app's own aside to find the lead column", () => {
    const nav = '<aside aria-label="Navigation"><a href="/leads/">Leads</a></aside>';
    expect(close.detect(page('Northwind', [card('Jane Doe')], '', nav), url)?.name).toBe(
      'Jane Doe',
    );
  });

  it('reads numbers only from tel links, never from any digits', () => {
    const doc = page('Northwind', [
      card('Jane Doe', '<span>2024-05-06</span><span>12345678</span>'),
    ]);
    expect(close.detect(doc, url)?.phone).toBeUndefined();
  });

  it('never reads the activity feed', () => {
    const feed =
      '<a href="mailto:riley.rep@sellerco.example">riley.rep@sellerco.example</a> <a href="tel:+14155550100">+1 415 555 0100</a>';
    expect(close.detect(page('Northwind', [card('Jane Doe')], feed), url)).toEqual({
      site: 'close',
      recordId: 'lead_Nw4TrD3rs0001xYz',
      url: LEAD,
      name: 'Jane Doe',
      company: 'Northwind',
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
  });

  it('leaves the company out when the lead is named after the contact', () => {
    expect(close.detect(page('Jane Doe', [card('Jane  Doe')]), url)?.company).toBeUndefined();
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = close.detect(page(long, [card(long)]), url);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = close.detect(
      page('Acme', [card("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil")]),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});

describe('close name fallbacks (a card without a name element)', () => {
  const c = casesFor('close').find((f) => f.file === 'lead-labelled.html')!;

  it('reads the contact’s captioned name, never the lead’s', () => {
    const { document, url } = load(c);
    expect(close.detect(document, url)).toEqual(c.expect);
  });

  it('reads the photo’s text alternative when it names the person', () => {
    const { document, url } = load(c);
    const dl = document.querySelector('[data-contact-id] dl')!;
    dl.querySelector('dt')?.remove(); // "Name"
    dl.querySelector('dd')?.remove(); // "Owen Park"
    expect(close.detect(document, url)).toBeNull(); // the photo says "avatar"
    document.querySelector('[data-contact-id] img')?.setAttribute('alt', 'Owen Park');
    expect(close.detect(document, url)?.name).toBe('Owen Park');
  });

  it('reads no contact when the card names no one (the lead’s name is not theirs)', () => {
    const { document, url } = load(c);
    const dl = document.querySelector('[data-contact-id] dl')!;
    dl.querySelector('dt')?.remove();
    dl.querySelector('dd')?.remove();
    expect(close.detect(document, url)).toBeNull();
  });
});

describe('close stage', () => {
  it('is the lead’s status, from its status button or its caption', () => {
    const lead = casesFor('close').find((f) => f.file === 'lead.html')!;
    expect(close.detect(load(lead).document, new URL(lead.url))?.stage).toBe('Potential');
    const labelled = casesFor('close').find((f) => f.file === 'lead-labelled.html')!;
    expect(close.detect(load(labelled).document, new URL(labelled.url))?.stage).toBe('Qualified');
  });

  it('is never a contact’s field of the same caption', () => {
    const lead = casesFor('close').find((f) => f.file === 'lead-partial.html')!;
    expect(close.detect(load(lead).document, new URL(lead.url))?.stage).toBeUndefined();
  });
});
