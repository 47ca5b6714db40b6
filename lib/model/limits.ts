// The caps and ranges every stored record keeps, whoever writes it: the panel, the page, a CSV
// import or a restored backup. A backup this build exports always imports back uncut.

/** Earliest and latest time a stored date may hold (epoch ms): 1970-01-01 to 2200-01-01 UTC.
 *  Outside it date-fns throws "Invalid time value" and a screen would go blank. */
export const EARLIEST_DATE = 0;
export const LATEST_DATE = Date.UTC(2200, 0, 1);

/** Whether `value` is a time a screen can show. */
export function isStorableDate(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= EARLIEST_DATE &&
    value <= LATEST_DATE
  );
}

/** Longest texts, in characters. */
export const TEXT_LIMITS = {
  /** A person's, company's or rep's name, a title, a stage. */
  name: 200,
  /** A note, an attempt's note. About ten pages of text. */
  note: 20_000,
  /** A call plan's goal, reference, something new, ask and opener. */
  plan: 2_000,
  /** A follow-up's reason. */
  reason: 500,
  /** An email address (RFC 5321 caps a path at 256). */
  email: 254,
  /** A phone number as typed. */
  phone: 40,
  /** A CRM record id, a site id. */
  recordId: 200,
  /** A record's URL. */
  url: 2_048,
  /** An IANA zone name. */
  timeZone: 64,
} as const;

/** Most entries of a list inside one record. */
export const LIST_LIMITS = {
  emails: 20,
  phones: 20,
  identities: 50,
  merges: 100,
  /** Open follow-ups one attempt closed. */
  closedTaskIds: 100,
  /** A note's search words (they are derived from its text again on import). */
  words: 5_000,
} as const;

/** Most records of each kind one backup may hold; a larger file is refused whole. */
export const TABLE_LIMITS = {
  contacts: 100_000,
  notes: 500_000,
  attempts: 1_000_000,
  tasks: 500_000,
  plans: 100_000,
  settings: 1,
} as const;

/** A record id: what crypto.randomUUID and the CSV import write, and nothing an object or a
 *  URL treats specially ("__proto__", "constructor", "../x" are not ids). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const RESERVED_IDS = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}

/** `text` cut to `max` UTF-16 units, never splitting a surrogate pair (an emoji stays whole or
 *  goes): what every write keeps a text to. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** A list kept to `max` entries: the first (the one shown) and the most recent ones. */
export function capList<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  return [list[0]!, ...list.slice(list.length - (max - 1))];
}
