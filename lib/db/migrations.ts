import type Dexie from 'dexie';

/**
 * Every schema the extension ever shipped, oldest first. A shipped version is never edited:
 * a change is a new version with its upgrade, and a test that upgrades real old data.
 */
export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
    notes: 'id, contactId, [contactId+createdAt]',
    attempts: 'id, contactId, [contactId+at], at',
    tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
    settings: 'id',
  });
}
