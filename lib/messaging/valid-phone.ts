import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { cleanPhone, regionOfLocale } from '../model/clean-text';

/**
 * A number a page gave, cleaned and as written ("+1 (415) 555-0142"), when it is a real
 * number: shaped like one, and valid for its country (so it has an E.164 form). Anything
 * else — markup, a 70-digit string, "call me" — is no phone, and is dropped.
 */
export function validPhone(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const shown = cleanPhone(raw);
  if (!shown) return undefined;
  const parsed = parsePhoneNumberFromString(
    shown,
    regionOfLocale(globalThis.navigator?.language) as CountryCode,
  );
  return parsed?.isValid() ? shown : undefined;
}

export { digitsOf } from '../model/clean-text';
