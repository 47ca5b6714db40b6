import { describe, expect, it } from 'vitest';
import { excerptOf, markedWords } from '@/components/marked-words';

const marked = (text: string, query: string) =>
  markedWords(text, query)
    .filter((part) => part.marked)
    .map((part) => part.text);

describe('markedWords', () => {
  it('marks each word that starts with a query word, whatever the case', () => {
    expect(marked('Mentioned the Q3 board review, Board agreed', 'boa q3')).toEqual([
      'Q3',
      'board',
      'Board',
    ]);
  });

  it('marks no word that holds the query only in its middle', () => {
    expect(marked('Skateboard budget', 'board')).toEqual([]);
  });

  it('keeps the whole text, punctuation and spacing included, in order', () => {
    const text = '  “Re-keys” 15 hours of orders — a week!\n';
    const parts = markedWords(text, 'keys ord');
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['keys', 'orders']);
  });

  it('reads accented words and digits as note search does', () => {
    // Search keeps accents: “zur” does not start “Zürich”.
    expect(marked('Réunion à Zürich le 14 mars', 'zur 14 reu')).toEqual(['14']);
    expect(marked('Réunion à Zürich le 14 mars', 'zür 14 réu')).toEqual([
      'Réunion',
      'Zürich',
      '14',
    ]);
  });

  it('marks nothing for a query with no searchable word', () => {
    expect(markedWords('a b c', 'a')).toEqual([{ text: 'a b c', marked: false }]);
  });
});

describe('excerptOf, a long note in the search results', () => {
  const long = `${'filler words here '.repeat(600)}the pilot starts in March ${'more filler '.repeat(600)}`;

  it('shows about 600 characters around the word found, cut ends marked', () => {
    const parts = excerptOf(markedWords(long, 'pilot'), 600);
    const shown = parts.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(600 + 4);
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['pilot']);
    expect(shown).toContain('the pilot starts in March');
  });

  it('leaves a short note whole', () => {
    const parts = markedWords('Pilot in March', 'pilot');
    expect(excerptOf(parts, 600)).toEqual(parts);
  });
});
