import { normalizeForMatch } from '../model/match-text';
import { containsPhrase } from './text';

/**
 * Phrases that ask for the prospect's time without giving anything back, or hand them the work
 * of deciding what happens next. Written normalized (lower case, no punctuation, apostrophes
 * dropped) so "TOUCH-BASE!" and "touch  base" both match "touch base".
 */
const CHECK_IN_PHRASES: readonly string[] = [
  'just checking in',
  'checking in',
  'check in',
  'touch base',
  'touching base',
  'touched base',
  'any questions',
  'any question',
  'any thoughts',
  'any updates',
  'any update',
  'let me know if',
  'let me know when',
  'let me know what you think',
  'circle back',
  'circling back',
  'just following up',
  'following up to see',
  'follow up to see',
  'wanted to see if',
  'wanted to check if',
  'wanted to check whether',
  'just wanted to follow up',
  'just reaching out',
  'just wanted to reach out',
  'had a chance to look',
  'had a chance to review',
  'had a chance to read',
  'see where things stand',
  'feel free to reach out',
  'dont hesitate to',
  'pick your brain',
];

/**
 * The check-in phrases found in `text`, longest first, without phrases that only occur inside a
 * longer match ("just checking in" is reported once, not also as "checking in").
 */
export function findCheckInPhrases(text: string | null | undefined): string[] {
  const normalized = normalizeForMatch(text);
  const found = CHECK_IN_PHRASES.filter((phrase) => containsPhrase(normalized, phrase)).sort(
    (a, b) => b.length - a.length,
  );
  return found.filter(
    (phrase, index) => !found.slice(0, index).some((longer) => containsPhrase(longer, phrase)),
  );
}

export function hasCheckInLanguage(text: string | null | undefined): boolean {
  return findCheckInPhrases(text).length > 0;
}
