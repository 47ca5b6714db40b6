// A backup made of what the rep typed and the pages showed imports back exactly: every live
// write keeps the caps the import checks, so nothing is cut on the way back.
import { describe, expect, it } from 'vitest';
import { database } from '@/lib/db/schema';
import { storeSnapshot } from '@/lib/db/contacts';
import { addNote, editNote } from '@/lib/db/notes';
import { savePlan, emptyPlan } from '@/lib/db/plans';
import { saveRepSettings } from '@/lib/db/settings';
import { noteOnAttempt } from '@/lib/db/outcomes';
import { addMeetingTask, logOutcome, snoozeTask } from '@/lib/actions/call-outcomes';
import { exportEverything, importBackup } from '@/lib/db/transfer';
import { BACKUP_TABLES, parseBackup, serializeBackup } from '@/lib/transfer/backup';
import { cleanRecord } from '@/lib/transfer/records';
import { LIST_LIMITS, TEXT_LIMITS } from '@/lib/model/limits';
import type { ContactSnapshot } from '@/lib/model';

const NOW = Date.UTC(2026, 2, 4, 15, 0);
const NY = 'America/New_York';
const long = (n: number) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n);

const page: ContactSnapshot = {
  site: 'hubspot',
  recordId: '777',
  // What the background lets through from a page: a web address on the site, http included.
  url: 'http://app.hubspot.com/contacts/1/record/0-1/777',
  name: 'Dana Hill',
  email: 'dana@hill.example',
  phone: '+1 415 555 0100',
  timeZone: 'Mars/Olympus',
};

async function fillThroughTheWritePaths(): Promise<void> {
  // The same record seen with 25 addresses, one page after another.
  let contactId = '';
  for (let i = 0; i < 25; i++) {
    const stored = await storeSnapshot({ ...page, email: `dana${i}@hill.example` }, NOW + i);
    if (stored.kind === 'stored') contactId = stored.contact.id;
  }
  const note = await addNote(contactId, 'quote', long(TEXT_LIMITS.note + 5_000), NOW);
  await editNote(note.id, { text: long(TEXT_LIMITS.note + 1) }, NOW + 1);
  await addNote(contactId, 'deadline', 'Budget decided by March 31', NOW + 2);
  await savePlan(
    {
      ...emptyPlan(contactId),
      goal: long(TEXT_LIMITS.plan + 100),
      referenceNoteId: note.id,
      reference: long(TEXT_LIMITS.note),
      ask: 'Tuesday 10:30?',
    },
    NOW + 3,
  );
  await saveRepSettings({
    id: 'rep',
    repName: long(TEXT_LIMITS.name + 50),
    company: 'Acme',
    callbackNumber: '+1 555 0100',
    timeZone: NY,
  });
  const { attempt } = await logOutcome({
    contactId,
    outcome: 'meeting-booked',
    now: NOW + 4,
    repZone: NY,
    plan: { goal: long(TEXT_LIMITS.plan * 2), reference: 'x', complete: false },
    note: long(TEXT_LIMITS.note * 2),
  });
  await noteOnAttempt(attempt.id, long(TEXT_LIMITS.note + 10));
  await addMeetingTask(attempt.id, NOW + 86_400_000, NOW + 5, NY);
  await logOutcome({ contactId, outcome: 'voicemail', now: NOW + 6, repZone: NY });
}

describe('a backup of what the write paths stored', () => {
  it('imports back with no cut, every record already in its checked shape', async () => {
    await fillThroughTheWritePaths();
    const backup = await exportEverything(NOW + 10);
    const contact = backup.contacts[0]!;
    expect(contact.emails).toHaveLength(LIST_LIMITS.emails);
    // The first address (the one shown) and the newest ones are kept.
    expect(contact.emails[0]).toBe('dana0@hill.example');
    expect(contact.emails.at(-1)).toBe('dana24@hill.example');
    expect(contact.identities[0]!.url).toBe('');
    expect(contact.timeZone).toBeUndefined();
    for (const table of BACKUP_TABLES) {
      for (const record of backup[table]) {
        expect(cleanRecord(table, record)).toEqual({ ok: true, record, cuts: [] });
      }
    }
    const parsed = parseBackup(serializeBackup(backup));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.cuts).toEqual({});

    await Promise.all(database().tables.map((t) => t.clear()));
    await importBackup(parsed.backup);
    const again = await exportEverything(NOW + 10);
    expect(again).toEqual(backup);
  });

  it('refuses a date typed out of range instead of storing one no screen can show', async () => {
    const stored = await storeSnapshot({ ...page, url: page.url.replace('http:', 'https:') }, NOW);
    if (stored.kind !== 'stored') throw new Error('expected a contact');
    const contactId = stored.contact.id;
    const year3000 = Date.UTC(3000, 0, 1);
    await expect(
      logOutcome({ contactId, outcome: 'call-back', now: NOW, repZone: NY, agreedAt: year3000 }),
    ).rejects.toThrow(
      'The agreed time is not a date Second Call can keep. Pick one between 1970 and 2200.',
    );
    expect(await database().attempts.count()).toBe(0);
    const { task } = await logOutcome({ contactId, outcome: 'connected', now: NOW, repZone: NY });
    await expect(snoozeTask(task!.id, 1e20)).rejects.toThrow(/not a date Second Call can keep/);
    expect((await database().tasks.get(task!.id))!.dueAt).toBe(task!.dueAt);
  });
});
