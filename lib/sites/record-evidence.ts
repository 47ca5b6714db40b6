// How a CRM record's signals agree on its person: the record's header, its own fields and the
// tab's title. Shared by the CRM adapters (HubSpot, Salesforce, Close). Pure.
import { cleanText } from './read-page';

/** The words of a name, lower-case, without punctuation ("Mr. Jordan Blake" → mr jordan blake). */
function wordsOf(name: string): string[] {
  return cleanText(name)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether two texts name the same person: every word of the shorter is a word of the longer
 * ("Jordan Blake" and "Mr. Jordan Blake"; "Jane Doe" and "jane   doe").
 */
export function sameName(a: string, b: string): boolean {
  const [short, long] = [wordsOf(a), wordsOf(b)].sort((x, y) => x.length - y.length);
  if (!short?.length || !long) return false;
  const words = new Set(long);
  return short.every((word) => words.has(word));
}

/**
 * The doubt the tab's title raises, in the rep's words: it names someone else than the record
 * ("The page title names Ann Lee"), or it is the only thing naming anyone.
 */
export function titleDoubt(
  name: string,
  byTitle: string | undefined,
  namedByRecord: boolean,
): string | undefined {
  if (!byTitle) return undefined;
  if (!namedByRecord) return `Only the page title names ${byTitle}; the record shows no name yet`;
  return sameName(byTitle, name) ? undefined : `The page title names ${byTitle}`;
}

/** Whether two texts are the same words in the same order, whatever the case and spacing. */
export function sameWords(a: string, b: string): boolean {
  return wordsOf(a).join(' ') === wordsOf(b).join(' ');
}
