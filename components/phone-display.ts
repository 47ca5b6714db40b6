// Phone numbers as the rep reads and dials them: numbers of the rep's own country in its
// national format ("(312) 555-0142" for a rep in Chicago), others in international format
// ("+44 20 7555 0199"). Links keep the number's digits (telHref); only the text changes.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { RepSettings } from '@/lib/model';
import { countryOfZone } from '@/lib/time/zone-countries';
import { useRepSettings } from '@/lib/hooks/contact-records';
import { browserZone } from '@/lib/hooks/now';

/** The rep's country: that of their time zone (Settings, else the browser's), else the
 *  region of the browser's language ("en-GB" → GB); undefined when neither says. */
export function repRegion(
  zone: string,
  languages: readonly string[] = navigator.languages,
): CountryCode | undefined {
  const fromZone = countryOfZone(zone);
  if (fromZone) return fromZone as CountryCode;
  for (const language of languages) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      if (region && /^[A-Z]{2}$/.test(region)) return region as CountryCode;
    } catch {
      // Not a language tag the browser knows: try the next one.
    }
  }
  return undefined;
}

/** `phone` as the rep in `region` reads it; a number the library cannot read is shown as
 *  it was written. */
export function showPhone(phone: string, region: CountryCode | undefined): string {
  const parsed = parsePhoneNumberFromString(phone, region);
  if (!parsed?.isPossible()) return phone;
  return parsed.country !== undefined && parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/** The rep's zone as the panel and the dashboard read it, for their region. */
function repZone(settings: RepSettings | null | undefined): string {
  return settings?.timeZone ?? browserZone();
}

/** `showPhone` for the rep's region, from their settings once loaded. */
export function usePhoneDisplay(): (phone: string) => string {
  const region = repRegion(repZone(useRepSettings()));
  return (phone) => showPhone(phone, region);
}
