import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { regionOfLocale } from '../model/clean-text';

export function identityKey(site: string, recordId: string): string {
  return `${site}:${recordId}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The rep's country, for numbers written without one ("(415) 555-0142"). */
export function countryOfLocale(locale: string | undefined): CountryCode {
  return regionOfLocale(locale) as CountryCode;
}

/**
 * One spelling per number, so the same person is one contact across CRM, mail and dialer:
 * E.164 ("+14155550142") when the number parses, else its digits (keeping a leading "+"),
 * so nothing the rep typed is lost.
 */
export function normalizePhone(
  phone: string,
  defaultCountry: CountryCode = countryOfLocale(globalThis.navigator?.language),
): string {
  const trimmed = phone.trim();
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
