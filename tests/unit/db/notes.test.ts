import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, editNote, notesOfContact } from '@/lib/db/notes';
import { describeWriteError } from '@/lib/db/errors';

describe('notes', () => {
  it('lists one contact’s notes newest first, and no one else’s', async () => {
    await addNote('c1', 'pain point', '15 hours a week on data entry', 1);
    await addNote('c1', 'deadline', 'Board review in Q3', 2);
    await addNote('c2', 'other', 'Someone else', 3);
    expect((await notesOfContact('c1')).map((n) => n.text)).toEqual([
      'Board review in Q3',
      '15 hours a week on data entry',
    ]);
  });

  it('refuses an empty note', async () => {
    await expect(addNote('c1', 'other', '  \n ')).rejects.toThrow('needs some text');
    expect(await notesOfContact('c1')).toEqual([]);
  });

  it('edits text and kind, and deletes', async () => {
    const note = await addNote('c1', 'other', 'draft', 1);
    await editNote(note.id, { text: ' final ', kind: 'quote' }, 5);
    const [edited] = await notesOfContact('c1');
    expect(edited).toMatchObject({ text: 'final', kind: 'quote', createdAt: 1, updatedAt: 5 });
    await deleteNote(note.id);
    expect(await notesOfContact('c1')).toEqual([]);
  });

  it('says so when the note being edited is gone', async () => {
    await expect(editNote('missing', { text: 'x' })).rejects.toThrow('no longer exists');
  });
});

describe('describeWriteError', () => {
  it('names a full disk in plain words', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(describeWriteError(quota)).toMatch(/out of storage space, so nothing was saved/);
    // Dexie wraps the browser's error in `inner`.
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota });
    expect(describeWriteError(wrapped)).toMatch(/out of storage space/);
  });

  it('passes other causes through', () => {
    expect(describeWriteError(new Error('A note needs some text.'))).toBe(
      'Not saved: A note needs some text.',
    );
  });
});
