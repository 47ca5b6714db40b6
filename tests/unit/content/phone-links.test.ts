// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nameOfLink, offerPrepareOnPhoneLinks, telNumber } from '@/lib/content/phone-links';
import type { ListenToPage } from '@/lib/content/reach';
import { byTheRep, repClicks, watchClosedRoots } from './page-input';

let stop = new AbortController();
let rootOf: ReturnType<typeof watchClosedRoots>;
const listen: ListenToPage = (type, handler) =>
  document.addEventListener(type, handler, { signal: stop.signal });
beforeEach(() => {
  rootOf = watchClosedRoots();
});
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  document.querySelectorAll('second-call-prepare').forEach((host) => host.remove());
  vi.restoreAllMocks();
});

const host = () => document.querySelector('second-call-prepare');
const prepareButton = () => rootOf(host())?.querySelector('button') ?? null;

function telLink(href: string, text: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.setAttribute('href', href);
  link.textContent = text;
  document.body.append(link);
  return link;
}

describe('"Prepare" beside phone links', () => {
  it('appears when the rep reaches a tel: link and prepares that number', () => {
    document.body.replaceChildren();
    const link = telLink('tel:+1%20415%20555%200142', 'Dana Kim');
    const prepare = vi.fn();
    const { destroy } = offerPrepareOnPhoneLinks(document, listen, prepare);
    expect(host()).toBeNull();
    // The rep tabs to it: Tab, then the browser moves focus.
    document.body.dispatchEvent(
      byTheRep(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })),
    );
    link.dispatchEvent(byTheRep(new FocusEvent('focusin', { bubbles: true })));
    expect(prepareButton()?.getAttribute('aria-label')).toBe('Prepare a call to Dana Kim');
    repClicks(prepareButton()!);
    expect(prepare).toHaveBeenCalledWith('+1 415 555 0142', 'Dana Kim');
    destroy();
  });

  it('ignores everything that is not a phone link, and a link whose text is the number', () => {
    const prepare = vi.fn();
    offerPrepareOnPhoneLinks(document, listen, prepare);
    const other = document.createElement('a');
    other.href = 'https://example.com';
    document.body.append(other);
    other.dispatchEvent(byTheRep(new Event('mouseover', { bubbles: true })));
    expect(host()).toBeNull();
    const numberOnly = telLink('tel:4155550142', '(415) 555-0142');
    numberOnly.dispatchEvent(byTheRep(new Event('mouseover', { bubbles: true })));
    repClicks(prepareButton()!);
    expect(prepare).toHaveBeenCalledWith('4155550142', undefined);
  });
});

describe('the page cannot drive "Prepare"', () => {
  it('a mouseover or focus the page dispatches on its own link shows nothing', () => {
    document.body.replaceChildren();
    const link = telLink('tel:+14155550142', 'Dana Kim');
    offerPrepareOnPhoneLinks(document, listen, vi.fn());
    link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(host()).toBeNull();
  });

  it('a focus the page moves by script shows nothing, unless the rep is pressing Tab', () => {
    document.body.replaceChildren();
    const link = telLink('tel:+14155550142', 'Dana Kim');
    offerPrepareOnPhoneLinks(document, listen, vi.fn());
    const key = (type: string, k: string) =>
      document.body.dispatchEvent(byTheRep(new KeyboardEvent(type, { key: k, bubbles: true })));
    // Chromium marks the focus events of the page's `link.focus()` trusted.
    const scriptFocus = () =>
      link.dispatchEvent(byTheRep(new FocusEvent('focusin', { bubbles: true })));
    scriptFocus();
    key('keydown', 'a'); // the rep types elsewhere; the page focuses its link meanwhile
    scriptFocus();
    key('keydown', 'Tab');
    key('keyup', 'Tab'); // Tab's own focus went elsewhere; the page focuses its link after
    scriptFocus();
    document.body.dispatchEvent(byTheRep(new PointerEvent('pointerdown', { bubbles: true })));
    scriptFocus();
    expect(host()).toBeNull();
  });

  it('the page cannot reach the button, and its synthetic click prepares nothing', () => {
    document.body.replaceChildren();
    const link = telLink('tel:+14155550142', 'Dana Kim');
    const prepare = vi.fn();
    offerPrepareOnPhoneLinks(document, listen, prepare);
    link.dispatchEvent(byTheRep(new MouseEvent('mouseover', { bubbles: true })));
    expect(host()?.shadowRoot).toBeNull(); // closed: the page sees only the host
    prepareButton()!.click(); // what a page's script could do, had it the button
    host()!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(prepare).not.toHaveBeenCalled();
    repClicks(prepareButton()!);
    expect(prepare).toHaveBeenCalledOnce();
  });
});

/** The rep points at a tel: link showing `text`, and clicks Prepare: what it would send (or null). */
function prepareFrom(href: string, text: string): unknown[] | null {
  stop.abort();
  stop = new AbortController();
  document.querySelectorAll('second-call-prepare').forEach((el) => el.remove());
  document.body.replaceChildren();
  const link = telLink(href, text);
  const prepare = vi.fn();
  offerPrepareOnPhoneLinks(document, listen, prepare);
  link.dispatchEvent(byTheRep(new Event('mouseover', { bubbles: true })));
  const button = prepareButton();
  if (!button) return null;
  repClicks(button);
  return prepare.mock.calls[0] ?? null;
}

describe('reading a phone link', () => {
  it('survives a malformed %-escape, and offers nothing for what is then no number', () => {
    expect(() => prepareFrom('tel:%ZZ', 'Dana Kim')).not.toThrow();
    expect(prepareFrom('tel:+1-415-555-0142%ZZ', 'Dana Kim')).toBeNull();
    expect(telNumber('tel:%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('reads the number without its parameters', () => {
    expect(prepareFrom('tel:+1-415-555-0142;ext=12', 'Dana Kim')).toEqual([
      '+1-415-555-0142',
      'Dana Kim',
    ]);
  });

  it('offers nothing on a link that dials no number', () => {
    expect(prepareFrom('tel:%ZZ', 'Call')).toBeNull();
    expect(prepareFrom('tel:', 'Call now')).toBeNull();
  });

  it('offers nothing when the "number" is markup with 70 digits in it (the issue’s forged link)', () => {
    const digits = '4155550142'.repeat(7);
    const forged = `<img src=x onerror=alert(1)><b style="x">${digits}</b>`.padEnd(462, '<i></i>');
    expect(forged).toHaveLength(462);
    expect(prepareFrom(`tel:${encodeURIComponent(forged)}`, 'Call')).toBeNull();
    expect(prepareFrom(`tel:${digits}`, 'Call')).toBeNull();
  });

  it('cleans the name as a detector does: no control or direction-override characters, 200 at most', () => {
    expect(prepareFrom('tel:+14155550142', 'Dana\u202e Kim\u0007')).toEqual([
      '+14155550142',
      'Dana Kim',
    ]);
    const [, long] = prepareFrom('tel:+14155550142', `Dana ${'K'.repeat(400)}`) ?? [];
    expect(Array.from(long as string)).toHaveLength(200);
  });

  it.each([
    'Call now',
    'Call',
    'Dial',
    'Phone',
    'Phone:',
    'Mobile: (415) 555-0142',
    'Click to call',
    'Call us today',
    'Call +1 415 555 0142',
    '415-555-0142 ext. 12',
    '☎',
    'Call\u202e\u0007',
  ])('never takes "%s" for the contact’s name', (text) => {
    expect(nameOfLink(text)).toBeUndefined();
    expect(prepareFrom('tel:+14155550142', text)).toEqual(['+14155550142', undefined]);
  });

  it.each([
    ['Dana Kim', 'Dana Kim'],
    ['Call Dana Kim', 'Dana Kim'],
    ['Renée O’Hara', 'Renée O’Hara'],
    ['Dr. Mo Callahan', 'Dr. Mo Callahan'],
  ])('takes "%s" as the name %s', (text, name) => {
    expect(nameOfLink(text)).toBe(name);
  });
});
