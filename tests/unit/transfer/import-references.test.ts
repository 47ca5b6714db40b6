// A restored backup never stores a reference to nothing: a record of no contact refuses the
// file, a dangling closed follow-up, call or reference note is dropped and announced.
import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import { importBackup, previewImport } from '@/lib/db/transfer';
import { integrityProblems } from '@/lib/db/integrity';
import { makeBackup, type BackupTables } from '@/lib/transfer/backup';
import { attempt, jane, marco, note, plan, rep, task } from './sample-data';

const NOW = new Date(Date.UTC(2026, 11, 7));

function backupOf(tables: Partial<BackupTables>) {
  return makeBackup(
    { contacts: [], notes: [], attempts: [], tasks: [], plans: [], settings: [], ...tables },
    NOW,
    6,
  );
}

describe('references in a restored backup', () => {
  it('refuses a file whose note belongs to a contact neither in it nor stored, and stores nothing', async () => {
    const orphan = backupOf({ contacts: [marco], notes: [{ ...note, contactId: 'c-gone' }] });
    const preview = await previewImport(orphan);
    expect(preview.problem).toMatch(
      /"notes".*"n-1".*contact "c-gone".*neither in this file nor stored/,
    );
    await expect(importBackup(orphan)).rejects.toThrow(/belong to no one/);
    expect(await database().contacts.count()).toBe(0);
    expect(await database().notes.count()).toBe(0);
  });

  it('accepts a note of a contact that is already stored', async () => {
    await database().contacts.put(jane);
    const preview = await previewImport(backupOf({ notes: [note] }));
    expect(preview.problem).toBeUndefined();
    await importBackup(backupOf({ notes: [note] }));
    expect(await database().notes.get('n-1')).toMatchObject({ contactId: 'c-jane' });
  });

  it('drops a closed follow-up, a follow-up’s call and a plan’s note that exist nowhere, keeps the rest, and counts them', async () => {
    await database().tasks.put({ ...task, id: 't-stored', attemptId: undefined });
    const file = backupOf({
      contacts: [jane],
      attempts: [{ ...attempt, closedTaskIds: ['t-missing', 't-stored'] }],
      tasks: [{ ...task, attemptId: 'a-missing' }],
      plans: [{ ...plan, referenceNoteId: 'n-missing' }],
      settings: [rep],
    });
    const preview = await previewImport(file);
    expect(preview.droppedReferences).toBe(3);
    await importBackup(file);
    const db = database();
    expect((await db.attempts.get('a-1'))?.closedTaskIds).toEqual(['t-stored']);
    expect((await db.tasks.get('t-1'))?.attemptId).toBeUndefined();
    expect((await db.plans.get('c-jane'))?.referenceNoteId).toBeUndefined();
    expect((await db.plans.get('c-jane'))?.reference).toBe(plan.reference);
    expect(await integrityProblems()).toEqual([]);
  });

  it('keeps references that the same file holds', async () => {
    const file = backupOf({
      contacts: [jane],
      notes: [note],
      attempts: [{ ...attempt, closedTaskIds: ['t-0'] }],
      tasks: [task, { ...task, id: 't-0', status: 'done', attemptId: undefined }],
      plans: [plan],
    });
    expect((await previewImport(file)).droppedReferences).toBe(0);
    await importBackup(file);
    expect((await database().attempts.get('a-1'))?.closedTaskIds).toEqual(['t-0']);
    expect((await database().plans.get('c-jane'))?.referenceNoteId).toBe('n-1');
    expect(await integrityProblems()).toEqual([]);
  });
});
