import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref } from '../../../lib/model/reach-links';

describe('mailto and tel links in the panel', () => {
  it('writes to a plain address and dials a number as its digits', () => {
    expect(mailtoHref('maria@acme.example')).toBe('mailto:maria@acme.example');
    expect(telHref('+1 (415) 555-0142')).toBe('tel:+14155550142');
    expect(telHref('415 555 0142 ext. 12')).toBe('tel:4155550142;ext=12');
  });

  it.each([
    'javascript:alert(1)',
    'javascript:alert(1)//@x.com',
    'maria@acme.example?bcc=everyone@acme.example',
    'maria@acme.example?body=hello',
    'maria@acme.example#x',
    'data:text/html,<b>@x.com',
    'not an address',
  ])('gives no mailto: link for %s', (email) => {
    expect(mailtoHref(email)).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'data:text/html,1234567', '555-0142; drop', '12', ''])(
    'gives no tel: link for %s',
    (phone) => {
      expect(telHref(phone)).toBeUndefined();
    },
  );
});
