/** The words a note is found by: lower-cased, unique, 2+ letters or digits. Stored as a
 *  multi-entry index so note search is an index lookup, not a scan. */
export function noteWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].slice(0, 200);
}
