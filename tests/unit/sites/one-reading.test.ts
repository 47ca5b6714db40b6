// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buttonsIn, inOneReading, labelledIn, scanOnce } from '@/lib/sites/one-reading';
import { SITES } from '@/lib/sites/registry';
import { casesFor, html, load, parse } from './fixtures';

function countingScan() {
  let scans = 0;
  const scan = (root: Element) => {
    scans += 1;
    return Array.from(root.querySelectorAll('button'));
  };
  return { scan, scans: () => scans };
}

describe('one reading of a page', () => {
  it('scans the page once for the same question, however often it is asked', () => {
    const { scan, scans } = countingScan();
    inOneReading(() => {
      scanOnce('buttons', document.body, scan);
      scanOnce('buttons', document.body, scan);
      inOneReading(() => scanOnce('buttons', document.body, scan));
    });
    expect(scans()).toBe(1);
  });

  it('asks again outside a reading, and in the next one: a page that changed is read as it is', () => {
    const { scan, scans } = countingScan();
    document.body.replaceChildren(document.createElement('button'));
    expect(inOneReading(() => scanOnce('buttons', document.body, scan))).toHaveLength(1);
    document.body.append(document.createElement('button'));
    expect(inOneReading(() => scanOnce('buttons', document.body, scan))).toHaveLength(2);
    expect(scanOnce('buttons', document.body, scan)).toHaveLength(2);
    expect(scans()).toBe(3);
  });

  it('ends the reading when a rule throws, so the next reading starts afresh', () => {
    const { scan, scans } = countingScan();
    expect(() =>
      inOneReading(() => {
        scanOnce('buttons', document.body, scan);
        throw new Error('a page we do not understand');
      }),
    ).toThrow();
    inOneReading(() => scanOnce('buttons', document.body, scan));
    expect(scans()).toBe(2);
  });

  it('keeps different questions and different roots apart', () => {
    const { scan, scans } = countingScan();
    const other = document.createElement('div');
    inOneReading(() => {
      scanOnce('buttons', document.body, scan);
      scanOnce('buttons', other, scan);
      scanOnce('links', document.body, scan);
    });
    expect(scans()).toBe(3);
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
    const ids = (list: Element[]) => list.map((el) => el.id);
    expect(ids(buttonsIn(page))).toEqual(['a', 'b', 'c', 'd', 'e']);
    inOneReading(() => {
      expect(ids(buttonsIn(page))).toEqual(['a', 'b', 'c', 'd', 'e']);
      const call = page.querySelector('section')!;
      expect(ids(buttonsIn(call))).toEqual(['c', 'd']);
      expect(ids(labelledIn(page.body))).toEqual(['a', '', 'c', 'd', 'e']);
    });
  });
});
