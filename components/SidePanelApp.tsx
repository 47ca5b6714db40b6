import { Suspense, lazy } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { contactById } from '@/lib/db/contact-by-id';
import { useFollowedTab } from '@/lib/hooks/panel-tab';
import { useTabContact } from '@/lib/hooks/tab-contact';
import { useTabDoubt } from '@/lib/hooks/tab-doubt';
import { ContactView } from './ContactView';
import { IdentityQuestion } from './IdentityQuestion';
import { PartBoundary } from './PartBoundary';
import { SettingsWarning } from './SettingsWarning';
import { openSettingsTab } from './open-settings';
import { tabState } from '@/lib/messaging/tab-state';

// Only for a page that shows no record: not loaded when the panel opens on a contact.
const ContactPicker = lazy(() =>
  import('./ContactPicker').then((module) => ({ default: module.ContactPicker })),
);

/** The side panel: the contact the followed tab shows, or a way to pick one; above it, any
 *  setting the panel could not use as stored. */
export function SidePanelApp({ search }: { search: string }) {
  return (
    <>
      <SettingsWarning openSettings={openSettingsTab} />
      <PanelContent search={search} />
    </>
  );
}

function PanelContent({ search }: { search: string }) {
  const tabId = useFollowedTab(search);
  const tabContact = useTabContact(tabId);
  const doubt = useTabDoubt(tabId);
  const contactId = tabContact.loading ? undefined : tabContact.value?.contactId;
  // Tagged with the id it answers: while the next query runs, useLiveQuery still returns
  // the previous result, which must not flash "No contact detected".
  const answer = useLiveQuery(
    async () => ({ contactId, contact: contactId ? await contactById(contactId) : undefined }),
    [contactId],
  );

  if (tabContact.loading || doubt.loading) return <p className="loading">Loading…</p>;
  // A doubtful person is never shown silently: the question comes first.
  if (doubt.value && tabId !== undefined) {
    return (
      <main>
        <PartBoundary what="the question who this page shows">
          <IdentityQuestion tabId={tabId} doubt={doubt.value} />
        </PartBoundary>
      </main>
    );
  }
  const shown = answer?.contactId === contactId ? answer : undefined;
  // The contact's notes are read while the contact itself is: the view shows them as soon as
  // they arrive, and the name with the contact.
  if (contactId && !(shown && !shown.contact)) {
    // Keyed: another contact starts fresh, never showing the previous one's notes meanwhile.
    return (
      <ContactView key={contactId} contactId={contactId} contact={shown?.contact} tabId={tabId} />
    );
  }
  if (!shown) return <p className="loading">Loading…</p>;
  return (
    <main>
      <PartBoundary what="the search of your stored contacts">
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <ContactPicker
            onPick={(id) => {
              if (tabId !== undefined) void tabState.contact.set(tabId, { contactId: id });
            }}
          />
        </Suspense>
      </PartBoundary>
    </main>
  );
}
