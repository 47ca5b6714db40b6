import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/model';
import { noteWords } from '@/lib/db/note-words';
import { addNote, searchNotes } from '@/lib/db/notes';
import { database } from '@/lib/db/schema';

/** Stores many notes at once (addNote one by one would take seconds under fake-indexeddb). */
async function storeNotes(texts: readonly string[], firstAt = 1): Promise<void> {
  const notes: Note[] = texts.map((text, i) => ({
    id: `bulk-${firstAt + i}`,
    contactId: `c${i % 7}`,
    kind: 'other',
    text,
    words: noteWords(text),
    createdAt: firstAt + i,
    updatedAt: firstAt + i,
  }));
  await database().notes.bulkAdd(notes);
}

const texts = (notes: Note[]) => notes.map((n) => n.text);

describe('searchNotes', () => {
  it('needs every word of the query, each as the start of a word in the note', async () => {
    await addNote('c1', 'deadline', 'Board wants pipeline visibility by Q3', 1);
    await addNote('c2', 'pain point', 'Pipeline reviews take a whole day', 2);
    await addNote('c3', 'quote', 'The board meets in March', 3);
    expect(texts(await searchNotes('pipe board'))).toEqual([
      'Board wants pipeline visibility by Q3',
    ]);
    expect(texts(await searchNotes('BOARD, q3!'))).toEqual([
      'Board wants pipeline visibility by Q3',
    ]);
    expect(await searchNotes('pipeline march')).toEqual([]);
    expect(await searchNotes('nowhere')).toEqual([]);
  });

  it('lists the newest matches first, up to the limit asked for', async () => {
    await addNote('c1', 'other', 'budget frozen until April', 10);
    await addNote('c2', 'other', 'budget approved', 30);
    await addNote('c3', 'other', 'budget owner is the CFO', 20);
    expect(texts(await searchNotes('budget'))).toEqual([
      'budget approved',
      'budget owner is the CFO',
      'budget frozen until April',
    ]);
    expect(await searchNotes('budget', 2)).toHaveLength(2);
    expect(await searchNotes('budget', 0)).toEqual([]);
  });

  it('lists a note once when several of its words start with the query', async () => {
    await addNote('c1', 'other', 'Budget talk: budgets are budgeted per quarter', 1);
    expect(await searchNotes('bud')).toHaveLength(1);
    // A shorter word that a longer one already starts with adds no condition.
    expect(await searchNotes('bud budget')).toHaveLength(1);
  });

  it('finds the rare combination among thousands of notes holding a common word', async () => {
    const common = Array.from({ length: 2400 }, (_, i) => `pricing call number ${i}`);
    common[1234] = 'pricing question about the Zeppelin integration';
    common[2000] = 'pricing for Zeppelin is pending legal';
    await storeNotes(common);
    await storeNotes(['Zeppelin rollout without any price talk'], 5000);

    expect(texts(await searchNotes('pricing zepp'))).toEqual([
      'pricing for Zeppelin is pending legal',
      'pricing question about the Zeppelin integration',
    ]);
    expect(texts(await searchNotes('zeppelin pricing'))).toHaveLength(2);
  });

  it('pages through a common word: the limit, and each note holding every word', async () => {
    await storeNotes(
      Array.from({ length: 2000 }, (_, i) =>
        i % 2 === 0 ? `renewal and pricing review ${i}` : `renewal only ${i}`,
      ),
    );
    const found = await searchNotes('renewal pricing', 51);
    expect(found).toHaveLength(51);
    for (const note of found) expect(note.text).toMatch(/^renewal and pricing review/);
    // Newest first among what was found.
    const times = found.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
