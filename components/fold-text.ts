// A long note is shown folded: its first lines, and "Show all (N words)". The fold is found
// from the start of the text only, so a 20,000-character note costs the panel no more to
// show than a short one until the rep asks for all of it.

/** Shown lines and characters of a folded text. */
const FOLD_LINES = 6;
export const FOLD_CHARS = 600;

/** The start of `text` to show folded, or undefined when it is short enough to show whole. */
export function foldedStart(text: string): string | undefined {
  let end = Math.min(text.length, FOLD_CHARS);
  let byLine = false;
  let lineEnd = -1;
  for (let line = 0; line < FOLD_LINES; line += 1) {
    lineEnd = text.indexOf('\n', lineEnd + 1);
    if (lineEnd === -1 || lineEnd >= end) break;
    if (line === FOLD_LINES - 1) {
      end = lineEnd;
      byLine = true;
    }
  }
  if (end >= text.length) return undefined;
  // Cut by characters at the last space, unless that leaves little: no word cut in half.
  const space = byLine ? -1 : text.lastIndexOf(' ', end);
  const cut = space > end * 0.6 ? space : end;
  // Never between the two halves of an emoji or other astral character.
  const safe = /[\uD800-\uDBFF]/.test(text.charAt(cut - 1)) ? cut - 1 : cut;
  return text.slice(0, safe).trimEnd();
}

/** How many words `text` has (runs of non-space), counted without building a list. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}
