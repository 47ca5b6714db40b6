import { useLiveQuery } from 'dexie-react-hooks';
import { contactById } from '@/lib/db/contacts';
import { rememberTabContact } from '@/lib/messaging/tab-contacts';
import { useFollowedTab } from '@/lib/stores/panel-tab';
import { useTabContact } from '@/lib/stores/tab-contact';
import { ContactPicker } from './ContactPicker';
import { ContactView } from './ContactView';

/** The side panel: the contact the followed tab shows, or a way to pick one. */
export function SidePanelApp({ search }: { search: string }) {
  const tabId = useFollowedTab(search);
  const tabContact = useTabContact(tabId);
  const contactId = tabContact.loading ? undefined : tabContact.value?.contactId;
  // Tagged with the id it answers: while the next query runs, useLiveQuery still returns
  // the previous result, which must not flash "No contact detected".
  const answer = useLiveQuery(
    async () => ({ contactId, contact: contactId ? await contactById(contactId) : undefined }),
    [contactId],
  );

  if (tabContact.loading || !answer || answer.contactId !== contactId) {
    return <p className="loading">Loading…</p>;
  }
  const { contact } = answer;
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
  return <ContactView contact={contact} tabId={tabId} />;
}
