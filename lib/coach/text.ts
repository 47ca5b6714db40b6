// Small text helpers shared by the checklist and the scripts. Notes and CRM fields are data:
// they are only ever trimmed and re-spaced, never interpreted as markup.

/** Trim and collapse runs of whitespace (incl. newlines) to one space; absent → ''. */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** True when `phrase` (already normalized) occurs in `normalizedText` as whole words. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  return phrase !== '' && ` ${normalizedText} `.includes(` ${phrase} `);
}

/** Spoken words: whitespace-separated tokens with at least one letter or digit ("—" is not one). */
function words(text: string): string[] {
  return plainText(text)
    .split(' ')
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export function wordCount(text: string): number {
  return words(text).length;
}

/** Typical conversational pace, used to turn a word count into seconds spoken. */
const WORDS_PER_SECOND = 2.7;

export function secondsToSay(text: string): number {
  return Math.ceil(wordCount(text) / WORDS_PER_SECOND);
}

/** Drop trailing sentence punctuation so a fragment can be embedded in a sentence. */
export function stripEndPunctuation(text: string): string {
  return text.replace(/[\s.,;:!?…]+$/u, '');
}

/**
 * Keep at most `max` words (whitespace tokens), marking a cut with "…". Keeps the text's own
 * spelling; only the tail goes.
 */
export function shortenToWords(text: string, max: number): string {
  const clean = plainText(text);
  if (wordCount(clean) <= max) return clean;
  const kept: string[] = [];
  let counted = 0;
  for (const token of clean.split(' ')) {
    const isWord = /[\p{L}\p{N}]/u.test(token);
    if (isWord && counted === max) break;
    kept.push(token);
    if (isWord) counted += 1;
  }
  return `${stripEndPunctuation(kept.join(' '))}…`;
}

/** End a sentence with a full stop unless it already ends like one (".", "?", "!", "…"). */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]["”’)]?$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** First letter upper-cased, for fragments that start a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Short excerpt of a note for reasons and fixes shown to the rep. */
export function excerpt(text: string, maxWords = 10): string {
  return shortenToWords(text, maxWords);
}
