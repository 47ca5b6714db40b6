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

// The forged phone link: link text "Call", and a tel: href that decodes to 462
// characters of markup holding a 70-digit number.
const SEVENTY_DIGITS = '4155550142'.repeat(7);
const FORGED_NUMBER = `<img src=x onerror=alert(1)><b>${SEVENTY_DIGITS}</b>`.padEnd(462, '<i></i>');
const RLO_AND_BELL = 'Maria\u202e Lopez\u0007';

function accepted(message: unknown): unknown {
  const verdict = validateContentMessage(message, goodSender, EXT, siteOfUrl);
  if (!verdict.ok) throw new Error(`rejected: ${verdict.why}`);
  return verdict.value.message;
}
function rejection(message: unknown): string | undefined {
  const verdict = validateContentMessage(message, goodSender, EXT, siteOfUrl);
  return verdict.ok ? undefined : verdict.why;
}
const withSnapshot = (fields: Record<string, unknown>) => ({
  type: 'contact-detected',
  snapshot: { ...snapshot, ...fields },
});

describe('every message is cleaned like detection output, whatever its kind', () => {
  it('prepare-number: a "Call" link whose number is 462 characters of markup stores nothing', () => {
    expect(FORGED_NUMBER).toHaveLength(462);
    expect(rejection({ type: 'prepare-number', phone: FORGED_NUMBER })).toMatch(
      /needs a phone number/,
    );
    expect(rejection({ type: 'prepare-number', phone: SEVENTY_DIGITS, name: 'Call' })).toMatch(
      /needs a phone number/,
    );
  });

  it('prepare-number: the name loses control and direction-override characters; "Call" or a number is no name', () => {
    expect(
      accepted({ type: 'prepare-number', phone: '+1 415 555 0142', name: RLO_AND_BELL }),
    ).toEqual({ type: 'prepare-number', phone: '+1 415 555 0142', name: 'Maria Lopez' });
    for (const name of ['Call', 'Dial', '+1 415 555 0142', '  ', 'Call\u202e'])
      expect(accepted({ type: 'prepare-number', phone: '+14155550142', name })).toEqual({
        type: 'prepare-number',
        phone: '+14155550142',
      });
  });

  it('contact-detected: the name is cleaned and capped at 200 characters', () => {
    expect(accepted(withSnapshot({ name: RLO_AND_BELL }))).toMatchObject({
      snapshot: { name: 'Maria Lopez' },
    });
    const long = accepted(withSnapshot({ name: `Maria ${'L'.repeat(456)}` })) as {
      snapshot: { name: string };
    };
    expect(Array.from(long.snapshot.name)).toHaveLength(200);
  });

  it('contact-detected: a 70-digit phone and a broken email are dropped, other text cleaned', () => {
    const message = accepted(
      withSnapshot({
        phone: SEVENTY_DIGITS,
        email: 'maria@@example',
        company: 'Lumen\u202e Freight\u0000',
        title: 'x'.repeat(480),
      }),
    ) as { snapshot: Record<string, string> };
    expect(message.snapshot.phone).toBeUndefined();
    expect(message.snapshot.email).toBeUndefined();
    expect(message.snapshot.company).toBe('Lumen Freight');
    expect(message.snapshot.title).toHaveLength(200);
    expect(
      accepted(withSnapshot({ phone: '+1 (415) 555-0142', email: 'Maria@Example.com' })),
    ).toMatchObject({ snapshot: { phone: '+1 (415) 555-0142', email: 'maria@example.com' } });
  });

  it('contact-detected: a name that is a call-to-action or a stray number is no contact', () => {
    expect(rejection(withSnapshot({ name: 'Call' }))).toMatch(/name is not a name/);
    expect(rejection(withSnapshot({ name: SEVENTY_DIGITS }))).toMatch(/name is not a name/);
    expect(rejection(withSnapshot({ name: '\u202e\u0007' }))).toMatch(/name is not a name/);
    // A dialer names an unknown caller by their number: kept when it is that real number.
    expect(
      accepted(withSnapshot({ name: '+1 415 555 0142', phone: '+1 (415) 555-0142' })),
    ).toMatchObject({ snapshot: { name: '+1 (415) 555-0142', phone: '+1 (415) 555-0142' } });
    expect(rejection(withSnapshot({ name: SEVENTY_DIGITS, phone: SEVENTY_DIGITS }))).toMatch(
      /name is not a name/,
    );
  });

  it('contact-detected: the record link is a web address on the same site', () => {
    expect(rejection(withSnapshot({ url: 'javascript:alert(1)' }))).toMatch(/url/);
    expect(rejection(withSnapshot({ url: 'https://evil.example/contacts/1' }))).toMatch(/url/);
  });

  it('contact-detected: the other people and the doubt are cleaned the same way', () => {
    const message = accepted(
      withSnapshot({
        evidence: { signals: ['page-title'], confidence: 'unsure', doubt: 'Two\u202e names\u0007' },
        others: [
          { name: RLO_AND_BELL, role: 'cc', email: 'not an address', phone: SEVENTY_DIGITS },
          { name: 'Call', role: 'recent', phone: '+14155550142' },
          { name: '+1 415 555 0199', role: 'recent' },
          { name: 'Dana Kim', role: 'colleague', email: 'Dana@Example.com', phone: '+14155550199' },
        ],
      }),
    ) as { snapshot: { evidence: { doubt: string }; others: unknown[] } };
    expect(message.snapshot.evidence.doubt).toBe('Two names');
    expect(message.snapshot.others).toEqual([
      { name: 'Maria Lopez', role: 'cc' },
      { name: 'Dana Kim', role: 'colleague', email: 'dana@example.com', phone: '+14155550199' },
    ]);
  });

  it('call-state: a dialer’s name and number are cleaned, or dropped when they are none', () => {
    expect(
      accepted({
        type: 'call-state',
        call: { state: 'active', name: RLO_AND_BELL, phone: '+1 415 555 0142' },
      }),
    ).toEqual({
      type: 'call-state',
      call: { state: 'active', name: 'Maria Lopez', phone: '+1 415 555 0142' },
    });
    expect(
      accepted({
        type: 'call-state',
        call: { state: 'ringing', name: 'Call', phone: FORGED_NUMBER },
      }),
    ).toEqual({ type: 'call-state', call: { state: 'ringing' } });
  });
});
