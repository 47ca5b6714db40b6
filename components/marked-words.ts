import { searchWords } from '@/lib/db/note-words';

interface TextPart {
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

/**
 * At most about `max` characters of the parts, around the first found word: a long note in
 * the search results shows where it matched, not its whole text. Cut ends are marked "…".
 */
export function excerptOf(parts: readonly TextPart[], max: number): TextPart[] {
  const total = parts.reduce((sum, part) => sum + part.text.length, 0);
  if (total <= max) return [...parts];
  let offset = 0;
  for (const part of parts) {
    if (part.marked) break;
    offset += part.text.length;
  }
  // The found word a third of the way in, so some of what leads to it shows too.
  const from = Math.max(0, Math.min(offset - Math.floor(max / 3), total - max));
  const to = from + max;
  const out: TextPart[] = [];
  let at = 0;
  for (const part of parts) {
    const end = at + part.text.length;
    if (end > from && at < to) {
      out.push({ text: part.text.slice(Math.max(0, from - at), to - at), marked: part.marked });
    }
    at = end;
  }
  if (from > 0) out.unshift({ text: '… ', marked: false });
  if (to < total) out.push({ text: ' …', marked: false });
  return out;
}
