// Does an ask name a concrete slot? A specific ask gets a specific answer; "let me know" gets
// none. We look for a day or a date AND a time of day; a length ("15 minutes") is a bonus.

const WEEKDAY =
  '(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const RELATIVE_DAY = '(?:today|tomorrow|tonight)';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)';

const DAY_OR_DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${WEEKDAY}\\b\\.?`, 'i'),
  new RegExp(`\\b${RELATIVE_DAY}\\b`, 'i'),
  // 12/3, 12/3/2025, 2025-12-03
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
  /\b\d{4}-\d{2}-\d{2}\b/,
  // "March 3", "Mar 3rd" — a month alone ("may") is not a date.
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}${ORDINAL}?\\b`, 'i'),
  // "3 March", "3rd of March"
  new RegExp(`\\b\\d{1,2}${ORDINAL}?\\s+(?:of\\s+)?${MONTH}\\b`, 'i'),
  // "on the 12th"
  new RegExp(`\\bthe\\s+\\d{1,2}${ORDINAL}\\b`, 'i'),
];

// A time must look like a clock: "10:30", "2pm", "2 pm", "14:00", "noon", "3 o'clock". A bare
// number does not, or "Monday, we have 50 users at 10 sites" would read as an ask; the one
// exception is a bare hour said straight after a day ("Tuesday at 3?"), where nothing else fits.
const BARE_HOUR_AFTER_DAY = new RegExp(
  `\\b(?:${WEEKDAY}|${RELATIVE_DAY})\\.?,?\\s+at\\s+((?:[01]?\\d|2[0-3]))(?=\\s*(?:$|[?!.,;:)—–]|-\\s|or\\b|for\\b|works?\\b|then\\b|instead\\b))`,
  'i',
);

const TIME_PATTERNS: readonly RegExp[] = [
  // 10:30, 14:00, 10h30
  /\b(?:[01]?\d|2[0-3])(?::|h)[0-5]\d\b/i,
  // 10.30 reads as a price or a version unless said "at 10.30"
  /\bat\s+(?:[01]?\d|2[0-3])\.[0-5]\d\b/i,
  // 2pm, 2 pm, 2:30 p.m.
  /\b(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/i,
  /\b(?:noon|midday)\b/i,
  /\b(?:1[0-2]|0?[1-9])\s?o['’]?clock\b/i,
];

const LENGTH_PATTERN =
  /\b(?:\d{1,3}|a few|fifteen|twenty|thirty|ten|five)[\s-]?(?:min|mins|minutes?|hours?|hrs?)\b|\bhalf an hour\b|\ban hour\b/i;

interface AskParts {
  /** The day or date as written, e.g. "Tuesday", "12/3", "tomorrow". */
  day: string | null;
  /** The time as written, e.g. "10:30", "2pm", "at 9". */
  time: string | null;
  /** The length as written, e.g. "15-minute". */
  length: string | null;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return null;
}

function timeOf(text: string): string | null {
  const clock = firstMatch(text, TIME_PATTERNS);
  if (clock !== null) return clock;
  const hour = BARE_HOUR_AFTER_DAY.exec(text)?.[1];
  return hour === undefined ? null : `at ${hour}`;
}

export function askParts(ask: string | null | undefined): AskParts {
  const text = ask ?? '';
  return {
    day: firstMatch(text, DAY_OR_DATE_PATTERNS),
    time: timeOf(text),
    length: firstMatch(text, [LENGTH_PATTERN]),
  };
}

/** A direct ask names both a day (or date) and a time. */
export function isTimedAsk(ask: string | null | undefined): boolean {
  const parts = askParts(ask);
  return parts.day !== null && parts.time !== null;
}
