// Cleaning text a page can influence, the same in a site's detector, in the page tools and
// in the background's check of every message: a page's text is data, never markup, and
// cannot disguise or flood what is stored. Pure and dependency-free, so a content script
// can carry it within its size budget.

/** No field of a snapshot is longer than this: a page cannot flood storage or the side panel. */
export const MAX_TEXT = 200;

// Control characters, and the invisible marks that can disguise a name: zero-width space,
// direction marks, bidi overrides and isolates, byte-order mark. (ZWJ/ZWNJ stay: scripts
// such as Persian and emoji sequences need them.)
const INVISIBLE = /[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Collapses whitespace, drops invisible characters, trims, caps at `max` characters. */
export function cleanText(raw: string | null | undefined, max = MAX_TEXT): string {
  if (!raw) return '';
  // Whitespace (tabs and newlines are controls too) becomes a space before controls go.
  const flat = raw.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  // Cap by code points so an emoji is never cut in half (no longer in UTF-16 units: no cut).
  if (flat.length <= max) return flat;
  const points = Array.from(flat);
  return points.length > max ? points.slice(0, max).join('').trim() : flat;
}

// No spaces, brackets, quotes-around or list separators; an apostrophe is fine (o'neil@…).
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.]{2,}$/;

/** A simple, strict-enough address check: one @, a dotted domain, nothing that quotes or lists. */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** The address lower-cased when `raw` is one, else undefined (a wrong address is worse than none). */
export function cleanEmail(raw: string | null | undefined): string | undefined {
  const text = cleanText(raw, 254).replace(/^mailto:/i, '');
  return isEmail(text) ? text.toLowerCase() : undefined;
}

/** A phone number as shown, when it looks like one: 5–20 digits and only dialling characters. */
export function cleanPhone(raw: string | null | undefined): string | undefined {
  const text = cleanText(raw, 40).replace(/^tel:/i, '');
  const digits = text.replace(/\D/g, '').length;
  const shape = /^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d+)?$/i;
  return digits >= 5 && digits <= 20 && shape.test(text) ? text : undefined;
}

// Words a call-to-action or a label says instead of a name: "Call now", "Click to dial", "Mobile".
const CALL_TO_ACTION =
  /^(call|calls|calling|dial|ring|phone|telephone|tel|mobile|cell|office|work|home|main|direct|fax|now|us|me|to|click|tap|here|our|the|a|number|contact|line|toll|free|sales|support|today|ext|extension|x|or|text|sms)$/;

/** Whether `text` names someone: some word of letters that is not a call-to-action word.
 *  A number ("+1 415 555 0142"), "Call", "Dial" or "Mobile: 555…" is no name. */
export function isName(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’.-]*/gu) ?? [];
  return words.some((word) => !CALL_TO_ACTION.test(word.replace(/[.'’-]+$/, '')));
}

/** The cleaned name, or undefined when what is left names no one. */
export function cleanName(raw: string | null | undefined): string | undefined {
  const name = cleanText(raw);
  return isName(name) ? name : undefined;
}

// Words a page shows where a name would be that name no one: headings, states, placeholders.
const PLACEHOLDER = new RegExp(
  '^(' +
    [
      'recents?',
      'recent calls',
      'contacts?',
      'people',
      'loading.*',
      'unknown( caller| number)?',
      'no name',
      'untitled',
      'new contact',
      'calls?',
      'history',
      'inbox',
      'dialer',
      'keypad',
      // German
      'zuletzt',
      'kürzlich',
      'kontakte?',
      'wird geladen.*',
      'lädt.*',
      'unbekannt(er anrufer)?',
      'anrufe?',
      'verlauf',
      // French
      'récents?',
      'contacts?',
      'chargement.*',
      'inconnu',
      'appels?',
      'historique',
      // Spanish
      'recientes?',
      'contactos?',
      'cargando.*',
      'desconocido',
      'llamadas?',
      'historial',
    ].join('|') +
    ')$',
  'iu',
);

/** Whether `text` is a heading or placeholder where a name would be ("Recent", "Loading…"). */
export function isPlaceholderName(text: string): boolean {
  return PLACEHOLDER.test(cleanText(text).replace(/[.…:]+$/u, ''));
}

/** The two-letter region of a locale ("en-GB" → "GB"), "US" when it names none: the country a
 *  number written without one ("(415) 555-0142") is read in. */
export function regionOfLocale(locale: string | undefined): string {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) ? region : 'US';
}

/** Only the digits: two spellings of one number compare equal. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
