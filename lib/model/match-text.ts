// Comparing words a rep or a CRM wrote, regardless of case and punctuation: the coach's
// phrase checks and the CRM stage ladders (lib/model/stages) read text the same way.

/**
 * Lower-case, every run of non-letters/digits becomes one space. Used to compare and match
 * phrases regardless of case and punctuation ("TOUCH-BASE!" → "touch base").
 */
export function normalizeForMatch(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
