import { useLiveQuery } from 'dexie-react-hooks';
import { contactById } from '@/lib/db/contacts';
import { rememberTabContact } from '@/lib/messaging/tab-contacts';
import { useFollowedTab } from '@/lib/stores/panel-tab';
import { useTabContact } from '@/lib/stores/tab-contact';
import { ContactHeader } from './ContactHeader';
import { ContactPicker } from './ContactPicker';
import { NotesSection } from './NotesSection';

/** The side panel: the contact the followed tab shows, or a way to pick one. */
export function SidePanelApp({ search }: { search: string }) {
  const tabId = useFollowedTab(search);
  const tabContact = useTabContact(tabId);
  const contactId = tabContact.loading ? undefined : tabContact.value?.contactId;
  const contact = useLiveQuery(
    async () => (contactId ? ((await contactById(contactId)) ?? null) : null),
    [contactId],
  );

  if (tabContact.loading || contact === undefined) {
    return <p className="loading">Loading…</p>;
  }
  if (!contact) {
    return (
      <main>
        <ContactPicker
          onPick={(id) => {
            if (tabId !== undefined) void rememberTabContact(tabId, { contactId: id });
          }}
        />
      </main>
    );
  }
  return (
    <main>
      <ContactHeader contact={contact} />
      <NotesSection contactId={contact.id} />
    </main>
  );
}
