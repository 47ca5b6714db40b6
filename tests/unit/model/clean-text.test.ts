import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, isName } from '@/lib/model/clean-text';

describe('a name read off a page', () => {
  it.each([
    'Jane Doe',
    '王伟',
    'محمد الأحمد',
    'Ø. Ødegaard',
    'Renée O’Hara',
    'अनुष्का शर्मा',
    'Mo',
    'Tel Aviv Office',
  ])('"%s" is a name', (name) => {
    expect(isName(name)).toBe(true);
    expect(cleanName(name)).toBe(name);
  });

  it.each([
    'Call',
    'Dial',
    'Call now',
    'Mobile: (415) 555-0142',
    '+1 415 555 0142',
    '12345',
    '—',
    '',
  ])('"%s" is not', (text) => expect(cleanName(text)).toBeUndefined());

  it('loses control and direction-override characters, and stops at 200 characters', () => {
    expect(cleanName('Jane\u202e Doe\u0007\u200b')).toBe('Jane Doe');
    expect(cleanText('\u2066Jane\u2069\tDoe\n')).toBe('Jane Doe');
    expect(Array.from(cleanText('😀'.repeat(300)))).toHaveLength(200);
  });
});
