import { database } from './schema';
import { WriteRefused } from './errors';

/**
 * The rep marks (or unmarks) a contact as advanced to the next stage: the funnel's last step.
 * Marking an already advanced contact keeps the first date.
 */
export async function markAdvanced(
  contactId: string,
  advanced: boolean,
  now: number,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new WriteRefused({ kind: 'gone', record: 'contact' });
    if (advanced === (contact.advancedAt !== undefined)) return;
    // Dexie removes a property set to undefined in an update.
    await db.contacts.update(contactId, {
      advancedAt: advanced ? now : undefined,
      updatedAt: now,
    });
  });
}
