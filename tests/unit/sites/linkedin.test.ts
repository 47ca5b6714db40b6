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

describe('linkedin: only the member the rep sees', () => {
  const url = new URL(PROFILE);
  const card = (who: string, attrs = '') =>
    `<main ${attrs}><section class="artdeco-card pv-top-card">${name(who)}` +
    `${company(`Current company: ${who} Inc. Click to skip to experience card`)}</section></main>`;

  it.each([
    ['the hidden attribute', 'hidden'],
    ['an aria-hidden container', 'aria-hidden="true"'],
    ['an off-screen box', 'style="position: absolute; left: -10000px"'],
    ['visibility: hidden', 'style="visibility: hidden"'],
  ])('never reads a previous profile kept by %s, before or after', (_, attrs) => {
    const doc = (body: string) =>
      parse(
        `<!DOCTYPE html><html><head><title>Jane Doe | LinkedIn</title></head><body>${body}</body></html>`,
      );
    for (const body of [
      card('Sam Lee', attrs) + card('Jane Doe'),
      card('Jane Doe') + card('Sam Lee', attrs),
    ]) {
      const got = linkedin.detect(doc(body), url);
      expect([got?.name, got?.company, got?.evidence?.confidence]).toEqual([
        'Jane Doe',
        'Jane Doe Inc',
        'sure',
      ]);
    }
  });

  it('never names the signed-in rep from their own "Me" menu', () => {
    const nav =
      '<header id="global-nav"><nav><button><img class="global-nav__me-photo" alt="Riley Rep"><span>Me</span></button>' +
      '<a href="/in/riley-rep-55/"><h1>Riley Rep</h1></a></nav></header>';
    const doc = parse(
      `<!DOCTYPE html><html><head><title>Jane Doe | LinkedIn</title></head><body>${nav}<main></main></body></html>`,
    );
    const got = linkedin.detect(doc, url);
    expect(got?.name).toBe('Jane Doe');
    expect(got?.others).toBeUndefined();
  });

  it('lists "People also viewed" and "More profiles for you" as others', () => {
    const box = (heading: string, slug: string, who: string) =>
      `<section class="artdeco-card"><h2>${heading}</h2><ul><li><a href="/in/${slug}/">` +
      `<span aria-hidden="true">${who}</span></a></li></ul></section>`;
    const doc = page(
      name('Jane Doe'),
      '',
      'Jane Doe | LinkedIn',
      box('People also viewed', 'sam-lee-77', 'Sam Lee') +
        box('More profiles for you', 'ana-souza', 'Ana Souza'),
    );
    const got = linkedin.detect(doc, url);
    expect(got?.name).toBe('Jane Doe');
    expect(got?.others).toEqual([
      { name: 'Sam Lee', role: 'associated' },
      { name: 'Ana Souza', role: 'associated' },
    ]);
  });

  it('reads the headline without a caption placed inside it, in any of four languages', () => {
    const headline = (text: string) =>
      linkedin.detect(
        page(name('Jane Doe') + `<div class="text-body-medium break-words">${text}</div>`),
        url,
      )?.title;
    expect(headline('Job title VP Operations')).toBe('VP Operations');
    expect(headline('<span>Job title:</span> VP Operations')).toBe('VP Operations');
    expect(headline('Intitulé du poste: Responsable achats')).toBe('Responsable achats');
    expect(headline('Puesto VP Operations')).toBe('VP Operations');
    // A long headline keeps its full capped length once its caption is gone.
    const long = 'Chief Officer '.repeat(30);
    expect(headline(`Job title: ${long}`)).toBe(headline(long));
    expect(headline(long)?.length).toBe(MAX_TEXT);
  });

  it('never reads a headline or company from a recents list or card inside the top card', () => {
    const recents =
      '<section aria-label="Recently viewed"><ul><li><h1 class="text-heading-xlarge">Sam Lee</h1>' +
      '<div class="text-body-medium break-words">Operations Manager</div></li></ul></section>';
    const associated =
      '<section><h2>Verknüpfte Kontakte</h2><div class="text-body-medium break-words">IT Lead</div>' +
      company('Current company: Harbor & Pine') +
      '</section>';
    for (const box of [recents, associated]) {
      const got = linkedin.detect(
        page(
          name('Jane Doe') +
            box +
            '<div class="text-body-medium break-words">Chief Everything Officer</div>' +
            company('Current company: Acme Corp'),
        ),
        url,
      );
      expect(got?.name).toBe('Jane Doe');
      expect(got?.title).toBe('Chief Everything Officer');
      expect(got?.company).toBe('Acme Corp');
    }
  });

  it('never takes a box of other members inside main for the top card', () => {
    const also =
      '<section class="artdeco-card" aria-label="More profiles for you"><h1>Sam Lee</h1></section>';
    const doc = parse(
      `<!DOCTYPE html><html><head><title>Jane Doe | LinkedIn</title></head><body><main>${also}</main></body></html>`,
    );
    expect(linkedin.detect(doc, url)?.name).toBe('Jane Doe');
  });

  it('is unsure when the tab title names another member than the top card', () => {
    const got = linkedin.detect(page(name('Jane Doe'), '', '(2) Sam Lee | LinkedIn'), url);
    expect(got?.name).toBe('Jane Doe');
    expect(got?.evidence?.confidence).toBe('unsure');
    expect(got?.evidence?.doubt).toContain('Sam Lee');
  });

  it('is sure when the top card and the tab title agree with the profile URL', () => {
    expect(
      linkedin.detect(page(name('Jane Doe'), '', 'Jane Doe | LinkedIn'), url)?.evidence,
    ).toEqual({
      signals: ['record-url', 'record-header', 'page-title'],
      confidence: 'sure',
    });
  });
});
