// A missing piece of a script is shown as a visible bracketed placeholder the rep must fill in,
// never as "undefined" or an empty gap. The UI highlights exactly these strings.

export const PLACEHOLDERS = {
  repName: '[your name]',
  repCompany: '[your company]',
  callbackNumber: '[your callback number]',
  theirName: '[their name]',
  theirCompany: '[their company]',
  reference: '[something they said]',
  newValue: '[what is new for them]',
  ask: '[a day and time]',
} as const;

type Placeholder = (typeof PLACEHOLDERS)[keyof typeof PLACEHOLDERS];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any known placeholder (global: use with matchAll / split). */
const PLACEHOLDER_PATTERN = new RegExp(
  Object.values(PLACEHOLDERS).map(escapeRegExp).join('|'),
  'g',
);

export function hasPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

/** The placeholders in `text`, in order of appearance. */
export function findPlaceholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[0] as Placeholder);
}

interface TextPart {
  text: string;
  placeholder: boolean;
}

/** Split text into plain runs and placeholders, so the UI can mark the gaps to fill. */
export function splitPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), placeholder: false });
    parts.push({ text: match[0], placeholder: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}

/** The value when it has content, else its placeholder. */
export function orPlaceholder(value: string, placeholder: Placeholder): string {
  return value === '' ? placeholder : value;
}
