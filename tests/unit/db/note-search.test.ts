import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/model';
import { noteWords } from '@/lib/db/note-words';
import { addNote, notesMentioning, searchNotes } from '@/lib/db/notes';
import { createContactByHand } from '@/lib/db/contacts';
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

  it('finds a word while it is still being typed, even one that starts like "the"', async () => {
    await addNote('c1', 'personal', 'Theresa runs procurement', 1);
    await addNote('c2', 'other', 'the pilot starts in May', 2);
    expect(texts(await searchNotes('the'))).toEqual(['Theresa runs procurement']);
    // A finished function word is no condition: "the pilot" is "pilot".
    expect(texts(await searchNotes('the pilot'))).toEqual(['the pilot starts in May']);
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

describe('notesMentioning', () => {
  it('groups the matching notes under their contacts, the newest match first', async () => {
    const jane = await createContactByHand({ name: 'Jane Doe' }, 1);
    const marco = await createContactByHand({ name: 'Marco Rossi' }, 2);
    await addNote(jane.id, 'deadline', 'Q3 board review', 10);
    await addNote(marco.id, 'quote', 'The board decides in May', 30);
    await addNote(jane.id, 'other', 'Board wants a pilot', 20);
    await addNote(marco.id, 'other', 'Prefers email', 40);

    const answer = await notesMentioning('board', 10);
    expect(answer.more).toBe(false);
    expect(answer.groups.map((g) => [g.contact.name, texts(g.notes)])).toEqual([
      ['Marco Rossi', ['The board decides in May']],
      ['Jane Doe', ['Board wants a pilot', 'Q3 board review']],
    ]);
  });

  it('shows at most the number asked for, the newest, and says when more match', async () => {
    const jane = await createContactByHand({ name: 'Jane Doe' }, 1);
    for (const at of [1, 2, 3]) await addNote(jane.id, 'other', `pricing call ${at}`, at);

    const cut = await notesMentioning('pricing', 2);
    expect(cut.more).toBe(true);
    expect(texts(cut.groups.flatMap((g) => g.notes))).toEqual(['pricing call 3', 'pricing call 2']);
    const whole = await notesMentioning('pricing', 3);
    expect(whole.more).toBe(false);
    expect(whole.groups[0]?.notes).toHaveLength(3);
  });

  it('leaves out a note whose contact is gone, and answers nothing for no words', async () => {
    const jane = await createContactByHand({ name: 'Jane Doe' }, 1);
    await addNote(jane.id, 'other', 'pilot in June', 1);
    await addNote('deleted-contact', 'other', 'pilot in July', 2);
    const answer = await notesMentioning('pilot', 5);
    expect(answer.groups.map((g) => g.contact.name)).toEqual(['Jane Doe']);
    expect(await notesMentioning('  ', 5)).toEqual({ groups: [], more: false });
  });
});
