// @vitest-environment happy-dom
// The answers kept between a dialer's readings must always be what a fresh scan of the page
// gives: a kept answer that missed a change would show the rep the wrong person.
import { describe, expect, it } from 'vitest';
import { BANNERS, CAPTIONS } from '@/lib/sites/dialer-people';
import {
  BUTTONS,
  LABELLED,
  buttonsIn,
  labelledIn,
  queryAll,
  scanBy,
  type ScanRule,
} from '@/lib/sites/live-scans';
import { SITES } from '@/lib/sites/registry';
import { casesFor, html, load, parse } from './fixtures';
import { rngOf, type Rng } from './variants/random';

const RULES = [LABELLED, BUTTONS, CAPTIONS, BANNERS];
const DIALERS = SITES.filter((s) => s.detectCall).map((s) => s.id);
const CRMS = ['salesforce', 'pipedrive', 'zoho', 'linkedin'];

const TEXTS = [
  'Calling from +1 415 555 0100',
  'Caller ID',
  'Your number',
  'Jane Doe',
  '00:42',
  '  mon numéro : +33 1 23 45 67 89',
  'Recent calls',
];
const ATTRIBUTES: [string, string[]][] = [
  ['aria-label', ['Account menu', 'Recent calls', 'Hang up', 'Calling from']],
  ['role', ['button', 'banner', 'region', 'heading', 'dialog']],
  ['title', ['Transfer', 'Caller ID']],
  ['aria-labelledby', ['x']],
  ['class', ['user', 'user-menu open', 'card', 'card user']],
  ['id', ['menu', 'other']],
  ['href', ['/person/7', 'mailto:a@b.example', '/lightning/r/003AB']],
  ['data-x', ['y', 'z']],
];
const TAGS = ['div', 'span', 'button', 'header', 'section', 'li', 'h2', 'main', 'nav', 'a'];
// Queries of the shapes CRM adapters ask of the whole page: attributes, classes, ids,
// descendants and children.
const QUERIES = [
  'nav .user, [class*="user-menu"], [aria-label="Account menu"]',
  '#menu [data-x="y"]',
  'a[href*="/person/"], a[href*="/lightning/r/003"]',
  'section > .card',
];

function newSubtree(doc: Document, rng: Rng, depth = 0): Element {
  const el = doc.createElement(rng.pick(TAGS));
  if (rng.chance(0.4)) {
    const [name, values] = rng.pick(ATTRIBUTES);
    el.setAttribute(name, rng.pick(values));
  }
  if (rng.chance(0.6)) el.append(doc.createTextNode(rng.pick(TEXTS)));
  for (let i = rng.int(depth < 2 ? 3 : 1); i > 0; i -= 1)
    el.append(newSubtree(doc, rng, depth + 1));
  return el;
}

/** One change a page might make: add, remove or move a part, relabel it, change its text. */
function change(doc: Document, rng: Rng): void {
  const body = doc.body;
  const elements = Array.from(body.getElementsByTagName('*'));
  if (elements.length === 0) return void body.append(newSubtree(doc, rng));
  const el = rng.pick(elements);
  const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3);
  switch (rng.int(8)) {
    case 0:
      el.append(newSubtree(doc, rng));
      break;
    case 1:
      el.remove();
      break;
    case 2: {
      // Moved elsewhere, unless into itself.
      const to = rng.pick(elements);
      if (!el.contains(to)) to.insertBefore(el, to.firstChild);
      break;
    }
    case 3: {
      const [name, values] = rng.pick(ATTRIBUTES);
      if (rng.chance(0.3)) el.removeAttribute(name);
      else el.setAttribute(name, rng.pick(values));
      break;
    }
    case 4:
      // A React text update: the text node keeps its place, its value changes.
      if (texts[0]) texts[0].nodeValue = rng.pick(TEXTS);
      else el.append(doc.createTextNode(rng.pick(TEXTS)));
      break;
    case 5:
      texts[0]?.remove();
      break;
    case 6: {
      const wrapper = doc.createElement(rng.pick(['header', 'section', 'div']));
      if (el !== body && el.parentElement) {
        el.replaceWith(wrapper);
        wrapper.append(el);
      }
      break;
    }
    default:
      el.replaceChildren(newSubtree(doc, rng));
  }
}

describe('whole-page answers kept between readings', () => {
  for (const site of DIALERS) {
    for (const c of casesFor(site)) {
      it(`${site}/${c.file}: after any run of changes, each answer is the fresh scan's`, () => {
        const doc = parse(html(c));
        const rng = rngOf(`${site}/${c.file}`);
        for (let round = 0; round < 60; round += 1) {
          // From no change at all (the answer kept) to more than is worth patching.
          const changes = round % 10 === 9 ? 40 : rng.int(4);
          for (let i = 0; i < changes; i += 1) change(doc, rng);
          for (const rule of RULES) {
            const kept = scanBy(rule, doc.body);
            expect(kept, `rule ${RULES.indexOf(rule)}, round ${round}`).toEqual(
              rule.scan(doc.body),
            );
          }
        }
      });
    }
  }

  for (const site of CRMS) {
    const c = casesFor(site)[0]!;
    it(`${site}/${c.file}: a query kept between readings is the fresh query's`, () => {
      const doc = parse(html(c));
      const rng = rngOf(`${site}/${c.file}/queries`);
      for (let round = 0; round < 80; round += 1) {
        const changes = round % 10 === 9 ? 40 : rng.int(4);
        for (let i = 0; i < changes; i += 1) change(doc, rng);
        for (const query of QUERIES)
          expect(queryAll(doc, query), `${query}, round ${round}`).toEqual(
            Array.from(doc.querySelectorAll(query)),
          );
      }
    });
  }

  it("a query follows its elements' and their ancestors' classes and ids", () => {
    const doc = parse(
      '<nav><span id="rep">Sam Rep</span></nav><div id="menu"><i data-x="y"></i></div>',
    );
    const ids = (query: string) => queryAll(doc, query).map((el) => el.id || el.tagName);
    expect(ids('nav .user')).toEqual([]);
    expect(ids('#menu [data-x="y"]')).toEqual(['I']);
    doc.getElementById('rep')!.className = 'user';
    doc.getElementById('menu')!.id = 'elsewhere';
    expect(ids('nav .user')).toEqual(['rep']);
    expect(ids('#menu [data-x="y"]')).toEqual([]);
    doc.getElementById('elsewhere')!.id = 'menu';
    expect(ids('#menu [data-x="y"]')).toEqual(['I']);
  });

  it('a query that may change with its siblings is asked afresh each time', () => {
    const doc = parse('<ul><li class="a">1</li></ul>');
    expect(queryAll(doc, 'li.a:first-child')).toHaveLength(1);
    doc.querySelector('ul')!.prepend(doc.createElement('li'));
    expect(queryAll(doc, 'li.a:first-child')).toHaveLength(0);
  });

  it('a ticking call timer costs a reading no new scan of the page', () => {
    const doc = parse(
      '<header aria-label="Account menu">Sam Rep</header><main><span id="timer">00:01</span></main>',
    );
    let scans = 0;
    const counted: ScanRule = {
      ...LABELLED,
      scan: (r) => (scans++, LABELLED.scan(r)),
    };
    const timer = doc.getElementById('timer')!.firstChild!;
    scanBy(counted, doc.body);
    for (let s = 2; s < 30; s += 1) {
      timer.nodeValue = `00:${String(s).padStart(2, '0')}`;
      expect(scanBy(counted, doc.body)).toHaveLength(1);
    }
    expect(scans).toBe(1);
  });

  it('a new labelled element is in the next reading, in the order the page shows it', () => {
    const doc = parse('<div><button id="a">Mute</button></div><div id="late"></div>');
    const idsOf = () => scanBy(BUTTONS, doc.body).map((el) => el.id);
    expect(idsOf()).toEqual(['a']);
    const hangUp = doc.createElement('span');
    hangUp.id = 'b';
    hangUp.setAttribute('role', 'button');
    doc.body.prepend(hangUp);
    doc.getElementById('late')!.append(Object.assign(doc.createElement('button'), { id: 'c' }));
    expect(idsOf()).toEqual(['b', 'a', 'c']);
    hangUp.removeAttribute('role');
    expect(idsOf()).toEqual(['a', 'c']);
  });

  it('a dialer reading its page after the call ends sees it ended, not the reading before', () => {
    const aircall = SITES.find((s) => s.id === 'aircall')!;
    const inCall = casesFor('aircall').find((c) => c.file === 'in-call.html')!;
    const idle = casesFor('aircall').find((c) => c.file === 'idle.html')!;
    const { document: page, url } = load(inCall);
    expect(aircall.detectWithCall?.(page, url).call?.name).toBe('Jane Doe');
    page.body.replaceWith(parse(html(idle)).body);
    expect(aircall.detectWithCall?.(page, url)).toEqual({ contact: null, call: { state: 'idle' } });
  });

  it('lists <button> and role="button" alike, once each, in the order the page shows them', () => {
    const page = parse(`
      <div role="button" id="a">Mute</div>
      <button id="b">Hold</button>
      <section aria-label="Call"><span role="button" id="c">Keypad</span>
        <button role="button" id="d">Hang up</button></section>
      <button id="e" title="Transfer"></button>`);
    const ids = (list: readonly Element[]) => list.map((el) => el.id);
    expect(ids(buttonsIn(page))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(buttonsIn(page))).toEqual(['a', 'b', 'c', 'd', 'e']);
    const call = page.querySelector('section')!;
    expect(ids(buttonsIn(call))).toEqual(['c', 'd']);
    expect(ids(labelledIn(page.body))).toEqual(['a', '', 'c', 'd', 'e']);
  });
});
