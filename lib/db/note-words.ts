/**
 * Function words no rep searches notes by ("the", "to", "and"): a word's entry in the `words`
 * index costs a write each time a note is saved or imported, and these would be in nearly
 * every note. Kept out: words that carry meaning in a sales note even when short or common —
 * "it" (the IT team), "us" (the US), "not", "no", "will", "may", "can".
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'about',
  'also',
  'am',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'been',
  'being',
  'but',
  'by',
  'could',
  'did',
  'do',
  'does',
  'each',
  'for',
  'from',
  'had',
  'has',
  'have',
  'he',
  'her',
  'hers',
  'him',
  'his',
  'how',
  'if',
  'in',
  'into',
  'is',
  'its',
  'just',
  'me',
  'my',
  'of',
  'on',
  'or',
  'our',
  'ours',
  'she',
  'should',
  'so',
  'some',
  'such',
  'than',
  'that',
  'the',
  'their',
  'theirs',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'too',
  'very',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'why',
  'with',
  'would',
  'you',
  'your',
  'yours',
]);

const WORD = /[\p{L}\p{N}]{2,}/gu;

/** The words a note is found by: lower-cased, unique, 2+ letters or digits, no function words
 *  (STOP_WORDS). Stored as a multi-entry index (schema v4 on) so note search is an index
 *  lookup, not a scan. A query's words are read the same way, so "the pilot" finds "pilot". */
export function noteWords(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  return [...new Set(words)].filter((w) => !STOP_WORDS.has(w)).slice(0, 200);
}

/**
 * The words of a search as the rep types it: like noteWords, except that the last word is
 * kept even when it is a function word, because it may be the start of a longer one being
 * typed ("the" on the way to "Theresa"); as a prefix it still finds the longer words.
 */
export function searchWords(query: string): string[] {
  const typed = query.toLowerCase().match(WORD) ?? [];
  const last = typed.at(-1);
  const words = noteWords(query);
  return last && STOP_WORDS.has(last) && /[\p{L}\p{N}]$/u.test(query) ? [...words, last] : words;
}

/** The words index as schema v2 and v3 wrote it (every word, function words included): what
 *  v4's upgrade replaces, kept so tests can build real old data. */
export function noteWordsV2(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  return [...new Set(words)].slice(0, 200);
}
