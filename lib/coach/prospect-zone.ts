// Whose clock the coach reads: the zone the rep set for the prospect, else a guess from their
// phone number, else — said out loud — the rep's own.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Contact } from '../model';
import { COUNTRY_ZONES } from '../time/country-zones';
import { isKnownTimeZone } from '../model/time-zone';

interface PhoneZoneGuess {
  /** ISO 3166 code of the number's country, e.g. "FR". */
  country: string;
  /** "France". */
  countryName: string;
  /** The country's one zone; absent when it has several and a guess would mislead. */
  zone?: string;
}

type ZoneSource = 'set' | 'guessed' | 'rep';

export interface ProspectZone {
  zone: string;
  source: ZoneSource;
  /** For a guess: what it rests on ("from their France number"). */
  guessedFrom?: string;
  /** When the rep's zone stands in: why, and what to do ("United States — several zones, set it"). */
  unknownBecause?: string;
}

/** What the coach says when the times it shows are the rep's, not the prospect's. */
export const REP_ZONE_NOTE = 'Their time zone is unknown; times are yours.';

export function isValidZone(zone: string | undefined): zone is string {
  return !!zone && isKnownTimeZone(zone);
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The zone a phone number points to. Only an international number (+33 …) names its country;
 * a country with one zone gives that zone, one with several (the US, Canada, Russia…) gives
 * none — area codes cross zone lines too often to guess from them honestly.
 */
export function guessZoneFromPhone(phone: string | undefined): PhoneZoneGuess | undefined {
  const trimmed = phone?.trim() ?? '';
  if (!trimmed.startsWith('+')) return undefined;
  const country = parsePhoneNumberFromString(trimmed)?.country;
  if (!country) return undefined;
  const zone = COUNTRY_ZONES.get(country);
  const guess: PhoneZoneGuess = { country, countryName: countryName(country) };
  return isValidZone(zone) ? { ...guess, zone } : guess;
}

type KnownZone =
  | { zone: string; source: 'set' | 'guessed'; guessedFrom?: string }
  | { zone?: undefined; unknownBecause?: string };

/** The prospect's zone when it is set or can be guessed, without falling back. */
/** What the zone is read from: the zone the rep set, and the contact's numbers. */
export type ZoneClues = Pick<Contact, 'timeZone'> & { phones?: readonly string[] };

export function knownProspectZone(contact: ZoneClues): KnownZone {
  if (isValidZone(contact.timeZone)) return { zone: contact.timeZone, source: 'set' };
  const guesses = (contact.phones ?? []).map(guessZoneFromPhone).filter((g) => g !== undefined);
  const zoned = guesses.find((guess) => guess.zone !== undefined);
  if (zoned?.zone) {
    return {
      zone: zoned.zone,
      source: 'guessed',
      guessedFrom: `their ${zoned.countryName} number`,
    };
  }
  const [several] = guesses;
  return several ? { unknownBecause: `${several.countryName} — several zones, set it` } : {};
}

/** Set zone > guessed zone > the rep's own, with what the panel should say about it. */
export function prospectZoneOf(contact: ZoneClues, repZone: string): ProspectZone {
  const known = knownProspectZone(contact);
  if (known.zone !== undefined) return known;
  return {
    zone: repZone,
    source: 'rep',
    ...(known.unknownBecause ? { unknownBecause: known.unknownBecause } : {}),
  };
}

/** The first part of every IANA zone name of a place. */
const ZONE_AREAS = [
  'Africa',
  'America',
  'Antarctica',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
];

/** The zone the rep typed, as the browser names it: exact (any case), or a unique city match
 *  ("new york" → America/New_York). Undefined when it names no zone or several. */
export function resolveZoneInput(text: string, zones: readonly string[]): string | undefined {
  const typed = text.trim().toLowerCase();
  if (typed === '') return undefined;
  const exact = zones.find((zone) => zone.toLowerCase() === typed);
  if (exact) return exact;
  const city = typed.replace(/\s+/g, '_');
  const byCity = zones.filter((zone) => zone.toLowerCase().split('/').pop() === city);
  if (byCity.length === 1) return byCity[0];
  // A city whose current name the browser's list leaves out ("kolkata": Chromium and Node list
  // Asia/Calcutta), named under the one area where it is a zone.
  const named = city
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('_');
  const underAreas = ZONE_AREAS.map((area) => `${area}/${named}`).filter(isValidZone);
  if (underAreas.length === 1) return underAreas[0];
  // A valid name the list spells differently (an alias such as Asia/Calcutta).
  const alias = text.trim();
  if (!alias.includes('/') || !isValidZone(alias)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: alias }).resolvedOptions().timeZone;
}
