import { describe, expect, it } from 'vitest';
import { mergeContacts, sameContent } from '@/lib/transfer/merge';
import { backupReminder } from '@/lib/transfer/reminder';
import { describeCounts, emptyImportCounts } from '@/lib/transfer/changes';
import { jane } from './sample-data';

const DAY = 86_400_000;

describe('mergeContacts', () => {
  it('unites lists, takes single values from the newer copy, keeps the stored id', () => {
    const stored = {
      ...jane,
      id: 'here',
      title: undefined,
      company: 'Northwind',
      emails: ['jane@personal.example'],
      identities: [
        { site: 'gmail', recordId: 'jane@personal.example', url: 'https://mail.google.com/' },
      ],
      identityKeys: ['gmail:jane@personal.example'],
      createdAt: 1,
      updatedAt: 10,
    };
    const incoming = { ...jane, updatedAt: 20 };
    const merged = mergeContacts(stored, incoming);
    expect(merged.id).toBe('here');
    expect(merged.company).toBe('Northwind Traders');
    expect(merged.title).toBe('VP Operations');
    expect(merged.emails).toEqual(['jane@personal.example', 'jane.doe@northwind.example']);
    expect(merged.identityKeys).toEqual(['gmail:jane@personal.example', 'hubspot:51234501']);
    expect(merged.createdAt).toBe(1);
    expect(merged.updatedAt).toBe(20);
    // Merging the same copy again changes nothing.
    expect(sameContent(mergeContacts(merged, incoming), merged)).toBe(true);
  });

  it('treats a missing field and undefined as the same', () => {
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
  });
});

describe('backupReminder', () => {
  const now = Date.UTC(2026, 2, 31, 12);
  it('asks for a first backup, and again after 30 days', () => {
    expect(backupReminder(undefined, now)).toMatchObject({ due: true });
    expect(backupReminder(now - 2 * DAY, now)).toEqual({
      due: false,
      message: 'Last backup: 2 days ago.',
    });
    expect(backupReminder(now - 30 * DAY, now).due).toBe(false);
    expect(backupReminder(now - 31 * DAY, now)).toMatchObject({
      due: true,
      message: expect.stringMatching(/^Your last backup was 31 days ago/),
    });
  });
});

describe('describeCounts', () => {
  it('says what changed, table by table', () => {
    const counts = emptyImportCounts();
    counts.contacts = { add: 2, update: 1, unchanged: 0 };
    counts.notes = { add: 0, update: 0, unchanged: 4 };
    expect(describeCounts(counts)).toBe(
      'Contacts: 2 added, 1 updated, 0 unchanged. Notes: 0 added, 0 updated, 4 unchanged.',
    );
    expect(describeCounts(emptyImportCounts())).toBe('The file holds no records.');
  });
});
