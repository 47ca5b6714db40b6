import { describe, expect, it } from 'vitest';
import { editNote } from '@/lib/db/notes';
import { setContactTimeZone } from '@/lib/db/contact-details';
import { undoOutcome } from '@/lib/db/outcomes';
import { describeWriteError, storableDate, WriteRefused, type Refusal } from '@/lib/db/errors';
import { rescheduleTask } from '@/lib/actions/call-outcomes';

/** The refusal a write was turned down with, as data. */
async function refusalOf(write: Promise<unknown>): Promise<Refusal | undefined> {
  try {
    await write;
  } catch (error) {
    if (error instanceof WriteRefused) return error.refusal;
    throw error;
  }
  return undefined;
}

describe('lib/db refuses a write with a typed reason; one module words it', () => {
  it('says which record is gone, not a sentence to parse', async () => {
    expect(await refusalOf(editNote('missing', { text: 'x' }))).toEqual({
      kind: 'gone',
      record: 'note',
    });
    expect(await refusalOf(setContactTimeZone('nobody', 'Europe/Paris'))).toEqual({
      kind: 'gone',
      record: 'contact',
    });
  });

  it('keeps what the rep typed in an unknown zone, and a date out of range', async () => {
    expect(await refusalOf(setContactTimeZone('c1', 'Mars/Olympus'))).toEqual({
      kind: 'invalid-zone',
      typed: 'Mars/Olympus',
    });
    expect(await refusalOf(rescheduleTask('t1', Date.UTC(2030, 0, 1), 'call'))).toEqual({
      kind: 'gone',
      record: 'follow-up',
    });
    expect(() => storableDate(Date.UTC(20000, 0, 1), 'The new time')).toThrow(
      new WriteRefused({ kind: 'undatable', what: 'The new time' }),
    );
  });

  it('turns each refusal into the words the rep already knew', () => {
    const words = (refusal: Refusal) => describeWriteError(new WriteRefused(refusal));
    expect(words({ kind: 'gone', record: 'follow-up' })).toBe(
      'Not saved: That follow-up no longer exists.',
    );
    expect(words({ kind: 'invalid-zone', typed: 'Tokio' })).toBe(
      'Not saved: “Tokio” is not a time zone. Pick one from the list, e.g. Europe/Paris.',
    );
    expect(words({ kind: 'stale-undo', why: 'later-outcome' })).toBe(
      'Not saved: A later outcome was logged for this contact since; undo that one first.',
    );
    expect(words({ kind: 'empty', field: 'note-text' })).toBe('Not saved: A note needs some text.');
  });

  it('an undo of nothing refuses nothing', async () => {
    expect(await refusalOf(undoOutcome('never-logged'))).toBeUndefined();
  });
});
