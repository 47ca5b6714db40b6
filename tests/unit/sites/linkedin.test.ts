// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ContactSnapshot } from '../../../lib/model';
import { linkedin, linkedinProfile } from '../../../lib/sites/linkedin';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { casesFor, load, parse } from './fixtures';

/** What the snapshot says about the person, without how sure it is (tested on its own). */
function fieldsOf(snapshot: ContactSnapshot | null): Omit<ContactSnapshot, 'evidence'> | null {
  if (!snapshot) return null;
  const fields: Partial<ContactSnapshot> = { ...snapshot };
  delete fields.evidence;
  return fields as Omit<ContactSnapshot, 'evidence'>;
}

const PROFILE = 'https://www.linkedin.com/in/jane-doe-4b2a1c9/';

/** A profile page: the top card, then other cards, then an aside. */
function page(card: string, rest = '', title = 'LinkedIn', aside = ''): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
      `<main>${card === '' ? '' : `<section class="artdeco-card pv-top-card">${card}</section>`}${rest}</main>` +
      `<aside>${aside}</aside></body></html>`,
  );
}

const name = (text: string) => `<h1 class="text-heading-xlarge">${text}</h1>`;
const company = (label: string, text = '') =>
  `<button aria-label="${label}" type="button">${text}</button>`;
const experience = (companyLine: string, dates: string) =>
  `<section class="artdeco-card"><div id="experience"></div><ul><li><div class="pvs-entity">` +
  `<div class="t-bold"><span aria-hidden="true">VP Operations</span></div>` +
  `<span class="t-14 t-normal"><span aria-hidden="true">${companyLine}</span></span>` +
  `<span class="t-14 t-normal t-black--light"><span aria-hidden="true">${dates}</span></span>` +
  `</div></li></ul></section>`;

describe('linkedin fixtures', () => {
  it.each(casesFor('linkedin'))('$file', (c) => {
    const { document, url } = load(c);
    expect(linkedin.detect(document, url)).toEqual(c.expect);
  });
});

describe('linkedin URLs', () => {
  it.each([
    [PROFILE, { slug: 'jane-doe-4b2a1c9', recordId: 'jane-doe-4b2a1c9' }],
    [
      'https://www.linkedin.com/in/jane-doe-4b2a1c9',
      { slug: 'jane-doe-4b2a1c9', recordId: 'jane-doe-4b2a1c9' },
    ],
    [
      'https://www.linkedin.com/in/Jane-Doe/?originalSubdomain=uk',
      { slug: 'Jane-Doe', recordId: 'jane-doe' },
    ],
    [
      'https://www.linkedin.com/in/jane-doe-4b2a1c9/overlay/contact-info/',
      { slug: 'jane-doe-4b2a1c9', recordId: 'jane-doe-4b2a1c9' },
    ],
    [
      'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-3a9/',
      { slug: 'J%C3%BCrgen-M%C3%BCller-3a9', recordId: 'jürgen-müller-3a9' },
    ],
  ])('%s is a profile', (href, expected) => {
    expect(linkedinProfile(new URL(href))).toEqual(expected);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in/jane-doe-4b2a1c9/details/experience/',
    'https://www.linkedin.com/in/jane-doe-4b2a1c9/recent-activity/all/',
    'https://www.linkedin.com/in/jane-doe-4b2a1c9/overlay/about-this-profile/',
    'https://www.linkedin.com/company/northwind-traders/',
    'https://www.linkedin.com/search/results/people/?keywords=jane',
    'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'http://www.linkedin.com/in/jane-doe-4b2a1c9/',
    'https://www.linkedin.com.evil.example/in/jane-doe-4b2a1c9/',
  ])('%s is not', (href) => {
    expect(linkedinProfile(new URL(href))).toBeNull();
  });

  it('points the snapshot at the canonical profile URL', () => {
    const url = new URL(`${PROFILE}overlay/contact-info/?miniProfileUrn=x#top`);
    expect(linkedin.detect(page(name('Jane Doe')), url)?.url).toBe(PROFILE);
  });
});

describe('linkedin reading', () => {
  const url = new URL(PROFILE);

  it('reads the top card, then the tab title, else waits', () => {
    expect(linkedin.detect(page(name('Jane Doe')), url)?.name).toBe('Jane Doe');
    expect(linkedin.detect(page('', '', '(12) Jane Doe | LinkedIn'), url)?.name).toBe('Jane Doe');
    expect(linkedin.detect(page('', '', 'LinkedIn'), url)).toBeNull();
    expect(linkedin.detect(page('', '', '(3) Feed | LinkedIn'), url)).toBeNull();
  });

  it('never takes a name from "People also viewed" or posts', () => {
    const aside = '<h2>People also viewed</h2><h1>Sam Lee</h1>';
    const posts = '<div class="feed-shared-update-v2"><h1>Sam Lee</h1></div>';
    expect(linkedin.detect(page('', posts, 'LinkedIn', aside), url)).toBeNull();
  });

  it('reads the current company from the top-card button label, then its text', () => {
    const read = (button: string) => linkedin.detect(page(name('Jane Doe') + button), url)?.company;
    expect(read(company('Current company: Acme Inc.. Click to skip to experience card'))).toBe(
      'Acme Inc.',
    );
    expect(read(company('Current company: Northwind Traders'))).toBe('Northwind Traders');
    expect(read(company('Current company', '<div>Northwind Traders</div>'))).toBe(
      'Northwind Traders',
    );
  });

  it('takes the company from Experience only while the position is current', () => {
    const now = page(
      name('Jane Doe'),
      experience('Northwind Traders · Full-time', 'Jan 2021 - Present'),
    );
    expect(linkedin.detect(now, url)?.company).toBe('Northwind Traders');
    const past = page(name('Jane Doe'), experience('Contoso · Full-time', '2016 - 2020 · 4 yrs'));
    expect(linkedin.detect(past, url)?.company).toBeUndefined();
  });

  it('has no address or number without the contact-info overlay', () => {
    const snapshot = linkedin.detect(
      page(name('Jane Doe') + '<a href="mailto:someone@else.example">someone@else.example</a>'),
      url,
    );
    expect(fieldsOf(snapshot)).toEqual({
      site: 'linkedin',
      recordId: 'jane-doe-4b2a1c9',
      url: PROFILE,
      name: 'Jane Doe',
    });
  });

  it('caps extremely long text and gives markup back as its literal text', () => {
    const long = 'Bartholomew '.repeat(100);
    const snapshot = linkedin.detect(page(name(long)), url);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    const hostile = linkedin.detect(
      page(name("<i>Eve</i>\n\t &lt;script&gt;alert(1)&lt;/script&gt;   O'Neil")),
      url,
    );
    expect(hostile?.name).toBe("Eve <script>alert(1)</script> O'Neil");
  });
});
