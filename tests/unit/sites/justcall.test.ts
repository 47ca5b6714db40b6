// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../../lib/model';
import { justcall, justcallCall } from '../../../lib/sites/justcall';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { allCases, casesFor, load, parse, type FixtureCase } from './fixtures';

type CallCase = FixtureCase & { call: CallSnapshot | null };
const cases = casesFor('justcall') as CallCase[];
const DIALER = new URL('https://app.justcall.io/dialer');

const endCall = '<button aria-label="End call">End call</button>';

/** The dialer page: `call` in its main region, `beside` in an aside. */
function page(call: string, beside = '', title = 'Dialer | JustCall'): Document {
  return parse(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
      `<main>${call}</main><aside>${beside}</aside></body></html>`,
  );
}

describe('justcall fixtures', () => {
  it.each(cases)('$file: contact', (c) => {
    const { document, url } = load(c);
    expect(justcall.detect(document, url)).toEqual(c.expect);
  });

  it.each(cases)('$file: call', (c) => {
    const { document, url } = load(c);
    expect(justcall.detectCall?.(document, url)).toEqual(c.call);
  });

  it('cover every call state', () => {
    const states = new Set(cases.map((c) => c.call?.state));
    expect([...states].sort()).toEqual(['active', 'ended', 'idle', 'ringing']);
  });
});

describe('justcall on other sites’ pages', () => {
  const others = allCases().filter((c) => c.site !== 'justcall');
  it.each(others.map((c) => [`${c.site}/${c.file}`, c] as const))('%s shows no call', (_, c) => {
    const { document, url } = load(c);
    expect(justcall.detectCall?.(document, url)).toBeNull();
    expect(justcallCall(document, DIALER)).toEqual({ state: 'idle' });
    expect(justcall.detect(document, DIALER)).toBeNull();
  });
});

describe('justcall URLs', () => {
  const doc = page(
    '<h2>Jane Doe</h2><p>+1 415-555-0142</p><span role="timer">00:42</span>' + endCall,
  );

  it.each([
    'https://app.justcall.io/dialer',
    'https://app.justcall.io/dialer?numbers=%2B14155550142&medium=custom',
  ])('%s is the dialer', (href) => {
    expect(justcallCall(doc, new URL(href))?.state).toBe('active');
  });

  it.each([
    'http://app.justcall.io/dialer',
    'https://app.justcall.io.evil.example/dialer',
    'https://justcall.io/dialer',
    'https://example.com/dialer',
  ])('%s is not', (href) => {
    expect(justcallCall(doc, new URL(href))).toBeNull();
    expect(justcall.detect(doc, new URL(href))).toBeNull();
  });
});

describe('justcall reading', () => {
  it('a call timer alone is an active call, with no contact to show', () => {
    const doc = page('<span role="timer">03:10</span>');
    expect(justcallCall(doc, DIALER)).toEqual({ state: 'active' });
    expect(justcall.detect(doc, DIALER)).toBeNull();
  });

  it('never takes a number from elsewhere on the page for the call', () => {
    const doc = page(
      '<h2>Jane Doe</h2><span role="timer">00:42</span>' + endCall,
      '<ul><li>Marco <a href="tel:+390212345678">+39 02 1234 5678</a></li></ul>',
    );
    expect(justcallCall(doc, DIALER)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(justcall.detect(doc, DIALER)).toBeNull();
  });

  it('never takes the rep’s caller ID or a recent call for the other party', () => {
    const doc = page(
      '<h2>Jane Doe</h2><span role="timer">00:42</span>' +
        '<select aria-label="Calling from"><option selected>+1 (650) 555-0100</option></select>' +
        '<ul><li><span>+39 02 1234 5678</span> <span>04:12</span></li></ul>' +
        endCall,
    );
    expect(justcallCall(doc, DIALER)).toEqual({ state: 'active', name: 'Jane Doe' });
  });

  it('recent-call durations are not a running call', () => {
    const doc = page('<h2>+1 (415) 555-0199</h2><ul><li><span>04:12</span></li></ul>' + endCall);
    expect(justcallCall(doc, DIALER)).toEqual({ state: 'ringing', phone: '+1 (415) 555-0199' });
  });

  it('counts its generic signals only on a page that names itself JustCall', () => {
    const call = '<h2>Jane Doe</h2><p>+1 415-555-0142</p><span role="timer">00:42</span>' + endCall;
    expect(justcallCall(page(call, '', 'Dialer'), DIALER)).toEqual({ state: 'idle' });
    const logo = page(call + '<img alt="JustCall logo">', '', 'Dialer');
    expect(justcallCall(logo, DIALER)?.state).toBe('active');
  });

  it('keys the record on the number as shown: with a + only when shown', () => {
    const read = (phone: string) =>
      justcall.detect(
        page(`<h2>Jane Doe</h2><p>${phone}</p><span role="timer">0:42</span>` + endCall),
        DIALER,
      )?.recordId;
    expect(read('+1 415-555-0142')).toBe('+14155550142');
    expect(read('(415) 555-0142 x 12')).toBe('4155550142');
  });

  it('a wrap-up with a disposition picker is an ended call; one still on is not', () => {
    const wrapUp =
      '<h2>Jane Doe</h2><p>+1 415-555-0142</p><select name="disposition"><option>Connected</option></select>';
    expect(justcallCall(page(wrapUp), DIALER)?.state).toBe('ended');
    expect(
      justcallCall(page(wrapUp + '<span role="timer">00:42</span>' + endCall), DIALER)?.state,
    ).toBe('active');
  });

  it('gives markup back as literal, capped text and never returns undefined keys', () => {
    const long = 'Bartholomew '.repeat(40);
    const doc = page(
      `<h2>&lt;b&gt;Eve&lt;/b&gt; <i>O'Neil</i> ${long}</h2><p>+1 415-555-0142</p>` +
        '<span role="timer">00:42</span>' +
        endCall,
    );
    const snapshot = justcall.detect(doc, DIALER);
    expect(snapshot?.name.startsWith("<b>Eve</b> O'Neil Bartholomew")).toBe(true);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
    expect(Object.values(justcallCall(doc, DIALER) ?? {})).not.toContain(undefined);
  });
});
