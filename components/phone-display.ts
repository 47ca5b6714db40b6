// Phone numbers as the rep reads and dials them: numbers of the rep's own country in its
// national format ("(312) 555-0142" for a rep in Chicago), others in international format
// ("+44 20 7555 0199"). Links keep the number's digits (telHref); only the text changes.
import { useEffect, useState } from 'react';
import type { CountryCode } from 'libphonenumber-js/min';
import { countryOfZone } from '@/lib/time/zone-countries';
import { useRepZone } from '@/lib/hooks/rep-zone';
import type { showPhone } from './phone-format';

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

let format: typeof showPhone | undefined;
let loading: Promise<void> | undefined;

/** The phone library, once: until it is here a number shows as it was written. */
function loadFormat(): Promise<void> {
  loading ??= import('./phone-format').then((module) => {
    format = module.showPhone;
  });
  return loading;
}

/** Loads the phone library once the panel has a moment: its 100-odd kB compile on the main
 *  thread, and the first screen (the name, the notes) comes first. */
function loadFormatWhenIdle(): Promise<void> {
  if (format || loading) return loadFormat();
  return new Promise<void>((resolve) => {
    const idle = globalThis.requestIdleCallback;
    const start = () => void loadFormat().then(resolve, resolve);
    if (idle) idle(start, { timeout: 1_000 });
    else setTimeout(start, 0);
  });
}

/** `showPhone` for the rep's region, from their settings once loaded; the number as written
 *  until then, and for the moment the phone library takes to load. */
export function usePhoneDisplay(): (phone: string) => string {
  const [, setLoaded] = useState(format !== undefined);
  useEffect(() => {
    let shown = true;
    if (!format) void loadFormatWhenIdle().then(() => shown && setLoaded(true));
    return () => {
      shown = false;
    };
  }, []);
  const zone = useRepZone();
  return (phone) => (format && zone ? format(phone, repRegion(zone)) : phone);
}
