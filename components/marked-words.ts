import { searchWords } from '@/lib/db/note-words';

export interface TextPart {
  text: string;
  /** A word the query found: it starts with one of the query's words. */
  marked: boolean;
}

/**
 * The note's text cut into plain and found parts, as note search reads words (letters and
 * digits, case-insensitive, each query word a word start), so the rep sees why it matched.
 * Parts are plain strings: the component renders them as text, never as markup.
 */
export function markedWords(text: string, query: string): TextPart[] {
  const prefixes = searchWords(query);
  const parts: TextPart[] = [];
  const push = (piece: string, marked: boolean) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += piece;
    else parts.push({ text: piece, marked });
  };
  let at = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (!prefixes.some((prefix) => lower.startsWith(prefix))) continue;
    push(text.slice(at, match.index), false);
    push(word, true);
    at = match.index + word.length;
  }
  push(text.slice(at), false);
  return parts;
}
