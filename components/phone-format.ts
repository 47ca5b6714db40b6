// Loaded when a number is first shown (components/phone-display.ts): the phone library's
// metadata is a third of the side panel's first JavaScript otherwise.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** `phone` as the rep in `region` reads it: national for their own country, international
 *  for others; a number the library cannot read is shown as it was written. */
export function showPhone(phone: string, region: CountryCode | undefined): string {
  const parsed = parsePhoneNumberFromString(phone, region);
  if (!parsed?.isPossible()) return phone;
  return parsed.country !== undefined && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}
