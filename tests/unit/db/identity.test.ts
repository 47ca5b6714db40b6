import { describe, expect, it } from 'vitest';
import { countryOfLocale, normalizePhone } from '@/lib/db/identity';

describe('one spelling per phone number', () => {
  it.each([
    ['+1 (415) 555-0142', 'US', '+14155550142'],
    ['(415) 555-0142', 'US', '+14155550142'],
    ['415.555.0142', 'US', '+14155550142'],
    ['+44 20 7555 0199', 'US', '+442075550199'],
    ['020 7555 0199', 'GB', '+442075550199'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+81 3-5550-0110', 'US', '+81355500110'],
  ] as const)('%s (rep in %s) is %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toBe(e164);
  });

  it('keeps what cannot be a number as its digits, so nothing is lost', () => {
    expect(normalizePhone('ext. 12', 'US')).toBe('12');
    expect(normalizePhone('+0 12', 'US')).toBe('+012');
  });

  it('reads the rep’s country from the browser locale', () => {
    expect(countryOfLocale('en-GB')).toBe('GB');
    expect(countryOfLocale('de_DE')).toBe('DE');
    expect(countryOfLocale('fr')).toBe('US');
    expect(countryOfLocale(undefined)).toBe('US');
  });
});
