import { describe, expect, it } from 'vitest';
import { COUNTRY_ZONES } from '../../../lib/time/country-zones';
import { coachCall } from '../../../lib/coach/call-coach';
import {
  guessZoneFromPhone,
  isValidZone,
  prospectZoneOf,
  REP_ZONE_NOTE,
  resolveZoneInput,
} from '../../../lib/coach/prospect-zone';
import type { Contact } from '../../../lib/model';
import { TZDate } from '@date-fns/tz';
import { MAY, NY, TOKYO } from './calendar';
import { coachInput, storedContact } from './coach-input';

describe('guessZoneFromPhone', () => {
  it.each<[string, string, string | undefined]>([
    ['+33 1 42 68 53 00', 'FR', 'Europe/Paris'],
    ['+49 30 901820', 'DE', 'Europe/Berlin'],
    ['+81 3-3224-9999', 'JP', 'Asia/Tokyo'],
    ['+91 22 2778 1234', 'IN', 'Asia/Kolkata'],
    ['+27 21 418 4700', 'ZA', 'Africa/Johannesburg'],
    ['+353 1 234 5678', 'IE', 'Europe/Dublin'],
    ['+65 6123 4567', 'SG', 'Asia/Singapore'],
    // +1 is shared: a Jamaican number has its own country and one zone.
    ['+1 876 555 1234', 'JM', 'America/Jamaica'],
    // Several zones: no guess.
    ['+1 415 555 0142', 'US', undefined],
    ['+1 613 555 0123', 'CA', undefined],
    ['+7 916 123-45-67', 'RU', undefined],
    ['+61 2 9123 4567', 'AU', undefined],
    ['+55 11 98765-4321', 'BR', undefined],
    ['+52 55 1234 5678', 'MX', undefined],
  ])('%s → %s, %s', (phone, country, zone) => {
    const guess = guessZoneFromPhone(phone);
    expect(guess?.country).toBe(country);
    expect(guess?.zone).toBe(zone);
  });

  it.each(['', '   ', '415 555 0142', '0142685300', '+', '+999 12345', 'not a number'])(
    'makes no guess from %j (no country code)',
    (phone) => {
      expect(guessZoneFromPhone(phone)?.zone).toBeUndefined();
    },
  );

  it('names the country in words for the rep', () => {
    expect(guessZoneFromPhone('+1 415 555 0142')?.countryName).toBe('United States');
  });

  it('lists only zones the browser knows, one per country', () => {
    expect(COUNTRY_ZONES.size).toBeGreaterThan(200);
    for (const [country, zone] of COUNTRY_ZONES) {
      expect(country).toMatch(/^[A-Z]{2}$/);
      expect(isValidZone(zone)).toBe(true);
    }
    for (const several of ['US', 'CA', 'MX', 'BR', 'RU', 'AU', 'ES', 'PT', 'ID', 'KZ']) {
      expect(COUNTRY_ZONES.has(several)).toBe(false);
    }
  });
});

describe('prospectZoneOf: set > guessed > the rep’s, said out loud', () => {
  const person = (timeZone: string | undefined, ...phones: string[]) => ({ timeZone, phones });

  it.each<[string, ReturnType<typeof person>, object]>([
    [
      'a set zone wins over the phone',
      person('Asia/Tokyo', '+33142685300'),
      { zone: 'Asia/Tokyo', source: 'set' },
    ],
    [
      'a guess from the phone',
      person(undefined, '+33142685300'),
      { zone: 'Europe/Paris', source: 'guessed', guessedFrom: 'their France number' },
    ],
    [
      'the first phone that gives a zone',
      person(undefined, '+14155550142', '+442079460958'),
      { zone: 'Europe/London', source: 'guessed' },
    ],
    [
      'a US number: no guess, and why',
      person(undefined, '+14155550142'),
      { zone: NY, source: 'rep', unknownBecause: 'United States — several zones, set it' },
    ],
    ['no phone at all', person(undefined), { zone: NY, source: 'rep' }],
    [
      'a broken stored zone is ignored',
      person('Mars/Olympus', '+33142685300'),
      { zone: 'Europe/Paris' },
    ],
  ])('%s', (_name, contact, expected) => {
    expect(prospectZoneOf(contact, NY)).toMatchObject(expected);
  });
});

describe('resolveZoneInput', () => {
  const zones = [
    'America/New_York',
    'Europe/Paris',
    'Asia/Kolkata',
    'America/Indiana/Indianapolis',
  ];
  it.each<[string, string | undefined]>([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['  paris ', 'Europe/Paris'],
    ['new york', 'America/New_York'],
    ['Indianapolis', 'America/Indiana/Indianapolis'],
    ['', undefined],
    ['Atlantis', undefined],
    ['Mars/Olympus', undefined],
  ])('%j → %s', (text, zone) => {
    expect(resolveZoneInput(text, zones)).toBe(zone);
  });
});

it('finds a city by its current name when the browser lists only the old one (kolkata)', () => {
  // Chromium and Node list Asia/Calcutta, not Asia/Kolkata.
  expect(resolveZoneInput('kolkata', ['Asia/Calcutta', 'Europe/Paris'])).toBe('Asia/Kolkata');
  expect(resolveZoneInput('ho chi minh', ['Asia/Saigon'])).toBe('Asia/Ho_Chi_Minh');
});

it('accepts a valid zone the list spells differently (an alias)', () => {
  const zone = resolveZoneInput('asia/calcutta', ['Asia/Kolkata']);
  expect(zone).toMatch(/^Asia\/(Calcutta|Kolkata)$/);
  expect(isValidZone(zone)).toBe(true);
});

describe('coachCall reads the prospect’s clock when it can, and says when it cannot', () => {
  const base = storedContact({ name: 'Jane Doe' });
  // Monday 9:00 in New York is 10:00 pm in Tokyo.
  const now = new TZDate(2026, MAY, 4, 9, 0, NY).getTime();
  const view = (contact: Contact) => coachCall(coachInput(contact, now));

  it('uses a zone the rep set, with the rep’s clock beside the slots', () => {
    const v = view({ ...base, timeZone: TOKYO, phones: ['+14155550142'] });
    expect(v.prospectZone).toBe(TOKYO);
    expect(v.zoneNote).toBeUndefined();
    expect(v.bestTime.reason).toMatch(/^Monday 10:00 pm there/);
    expect(v.ask.repText).toMatch(/your time/);
  });

  it('uses the zone guessed from the phone', () => {
    const v = view({ ...base, phones: ['+81332249999'] });
    expect(v.zone).toMatchObject({ zone: TOKYO, source: 'guessed' });
    expect(v.ask.repText).toMatch(/your time/);
  });

  it('falls back to the rep’s zone and says so', () => {
    const v = view({ ...base, phones: ['+14155550142'] });
    expect(v.prospectZone).toBe(NY);
    expect(v.zoneNote).toBe(`United States — several zones, set it. ${REP_ZONE_NOTE}`);
    expect(v.ask.repText).toBeUndefined();
    expect(view(base).zoneNote).toBe('Their time zone is unknown; times are yours.');
  });
});
