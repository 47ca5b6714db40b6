import { describe, expect, it } from 'vitest';
import { validateContentMessage, type SenderFacts } from '@/lib/messaging/validate';

const EXT = 'our-extension-id';
const siteOfUrl = (url: URL) => (url.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const snapshot = {
  site: 'hubspot',
  recordId: '501',
  url: 'https://app.hubspot.com/contacts/1/record/0-1/501',
  name: 'Maria Lopez',
};
const goodSender: SenderFacts = { id: EXT, tabId: 7, frameId: 0, url: snapshot.url };
const detected = { type: 'contact-detected', snapshot };

describe('validateContentMessage', () => {
  it('accepts our content script on a supported page', () => {
    const verdict = validateContentMessage(detected, goodSender, EXT, siteOfUrl);
    expect(verdict).toEqual({ ok: true, value: { tabId: 7, message: detected } });
  });

  it.each<[string, unknown, SenderFacts, RegExp]>([
    ['another extension', detected, { ...goodSender, id: 'evil' }, /another extension/],
    ['no tab', detected, { ...goodSender, tabId: undefined }, /not a tab/],
    ['a subframe', detected, { ...goodSender, frameId: 3 }, /subframe/],
    [
      'an unsupported page',
      detected,
      { ...goodSender, url: 'https://evil.example/' },
      /no supported site/,
    ],
    ['no page URL', detected, { ...goodSender, url: undefined }, /no page URL/],
    ['not an object', 'hello', goodSender, /not an object/],
    ['an unknown type', { type: 'delete-everything' }, goodSender, /unknown message type/],
    [
      'a snapshot claiming another site',
      { type: 'contact-detected', snapshot: { ...snapshot, site: 'gmail' } },
      goodSender,
      /claims gmail on a hubspot page/,
    ],
    [
      'a snapshot without a name',
      { type: 'contact-detected', snapshot: { ...snapshot, name: ' ' } },
      goodSender,
      /name is missing/,
    ],
    [
      'a field that is not text',
      { type: 'contact-detected', snapshot: { ...snapshot, email: { toString: 1 } } },
      goodSender,
      /email is not text/,
    ],
    [
      'an unknown field (page HTML smuggled in)',
      { type: 'contact-detected', snapshot: { ...snapshot, html: '<div>' } },
      goodSender,
      /unknown field html/,
    ],
    [
      'an overlong field',
      { type: 'contact-detected', snapshot: { ...snapshot, name: 'x'.repeat(501) } },
      goodSender,
      /name is too long/,
    ],
    [
      'a 10 MB payload',
      { type: 'contact-detected', snapshot: { ...snapshot, name: 'x'.repeat(10 * 1024 * 1024) } },
      goodSender,
      /too large/,
    ],
  ])('rejects %s', (_, message, sender, why) => {
    const verdict = validateContentMessage(message, sender, EXT, siteOfUrl);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.why).toMatch(why);
  });

  it.each(['no-contact', 'start-voicemail', 'stop-voicemail'])(
    'accepts "%s" from a supported page, and nothing else riding along',
    (type) => {
      expect(
        validateContentMessage({ type, extra: '<script>' }, goodSender, EXT, siteOfUrl),
      ).toEqual({ ok: true, value: { tabId: 7, message: { type } } });
    },
  );

  it('rejects a voicemail start from another extension', () => {
    const verdict = validateContentMessage(
      { type: 'start-voicemail' },
      { ...goodSender, id: 'x' },
      EXT,
      siteOfUrl,
    );
    expect(verdict.ok).toBe(false);
  });
});
