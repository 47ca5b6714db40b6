// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameOfLink, offerPrepareOnPhoneLinks, telNumber } from '@/lib/content/phone-links';

let stop = new AbortController();
const listen = (type: 'mouseover' | 'focusin', handler: (e: Event) => void) =>
  document.addEventListener(type, handler, { signal: stop.signal });
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  document.querySelectorAll('second-call-prepare').forEach((host) => host.remove());
});

describe('"Prepare" beside phone links', () => {
  it('appears when the rep reaches a tel: link and prepares that number', () => {
    document.body.replaceChildren();
    const link = document.createElement('a');
    link.href = 'tel:+1%20415%20555%200142';
    link.textContent = 'Dana Kim';
    document.body.append(link);
    const prepare = vi.fn();
    const { destroy } = offerPrepareOnPhoneLinks(document, listen, prepare);
    expect(document.querySelector('second-call-prepare')).toBeNull();
    link.dispatchEvent(new Event('focusin', { bubbles: true }));
    const button = document
      .querySelector('second-call-prepare')!
      .shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Prepare a call to Dana Kim');
    button.click();
    expect(prepare).toHaveBeenCalledWith('+1 415 555 0142', 'Dana Kim');
    destroy();
  });

  it('ignores everything that is not a phone link, and a link whose text is the number', () => {
    const prepare = vi.fn();
    offerPrepareOnPhoneLinks(document, listen, prepare);
    const other = document.createElement('a');
    other.href = 'https://example.com';
    document.body.append(other);
    other.dispatchEvent(new Event('mouseover', { bubbles: true }));
    expect(document.querySelector('second-call-prepare')).toBeNull();
    const numberOnly = document.createElement('a');
    numberOnly.href = 'tel:4155550142';
    numberOnly.textContent = '(415) 555-0142';
    document.body.append(numberOnly);
    numberOnly.dispatchEvent(new Event('mouseover', { bubbles: true }));
    document.querySelector('second-call-prepare')!.shadowRoot!.querySelector('button')!.click();
    expect(prepare).toHaveBeenCalledWith('4155550142', undefined);
  });
});

/** Points at a tel: link showing `text`, and returns what "Prepare" would send (or null). */
function prepareFrom(href: string, text: string): unknown[] | null {
  stop.abort();
  stop = new AbortController();
  document.querySelectorAll('second-call-prepare').forEach((host) => host.remove());
  document.body.replaceChildren();
  const link = document.createElement('a');
  link.setAttribute('href', href);
  link.textContent = text;
  document.body.append(link);
  const prepare = vi.fn();
  offerPrepareOnPhoneLinks(document, listen, prepare);
  link.dispatchEvent(new Event('mouseover', { bubbles: true }));
  const button = document.querySelector('second-call-prepare')?.shadowRoot?.querySelector('button');
  if (!button) return null;
  button.click();
  return prepare.mock.calls[0] ?? null;
}

describe('reading a phone link', () => {
  it('survives a malformed %-escape, using the number as written', () => {
    expect(() => prepareFrom('tel:%ZZ', 'Dana Kim')).not.toThrow();
    expect(prepareFrom('tel:+1-415-555-0142%ZZ', 'Dana Kim')).toEqual([
      '+1-415-555-0142%ZZ',
      'Dana Kim',
    ]);
    expect(telNumber('tel:%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('offers nothing on a link that dials no number', () => {
    expect(prepareFrom('tel:%ZZ', 'Call')).toBeNull();
    expect(prepareFrom('tel:', 'Call now')).toBeNull();
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
