import { Suspense, lazy } from 'react';
import { useAfterFirstScreen, useLiveContact } from '@/lib/hooks/first-screen';
import { useFollowedTab } from '@/lib/hooks/panel-tab';
import { useTabContact } from '@/lib/hooks/tab-contact';
import { useTabDoubt } from '@/lib/hooks/tab-doubt';
import { ContactView } from './ContactView';
import { PartBoundary } from './PartBoundary';
import { openSettingsTab } from './open-settings';
import { tabState } from '@/lib/messaging/tab-state';
import { firstScreenRead } from '@/lib/db/first-screen';

// Only for a page that shows no record: not loaded when the panel opens on a contact.
const ContactPicker = lazy(() =>
  import('./ContactPicker').then((module) => ({ default: module.ContactPicker })),
);
// Reading the rep's settings with their check brings every stored record's rules (and every
// site's links): loaded once the first screen is shown, not before it (begun with the panel,
// its files arrived and compiled while the database opened, and the notes waited ~20 ms for
// their read). It shows nothing unless a setting could not be used.
const SettingsWarning = lazy(() =>
  import('./SettingsWarning').then((module) => ({ default: module.SettingsWarning })),
);
// Only when a page leaves it unsure who it shows: storing the rep's answer brings the identity
// rules and the phone library, which a panel showing a known contact does not need.
const IdentityQuestion = lazy(() =>
  import('./IdentityQuestion').then((module) => ({ default: module.IdentityQuestion })),
);

/** The side panel: the contact the followed tab shows, or a way to pick one; above it, any
 *  setting the panel could not use as stored. */
export function SidePanelApp({ search }: { search: string }) {
  const checkSettings = useAfterFirstScreen();
  return (
    <>
      {checkSettings && (
        <Suspense fallback={null}>
          <SettingsWarning openSettings={openSettingsTab} />
        </Suspense>
      )}
      <PanelContent search={search} />
    </>
  );
}

function PanelContent({ search }: { search: string }) {
  const tabId = useFollowedTab(search);
  const tabContact = useTabContact(tabId);
  const doubt = useTabDoubt(tabId);
  const contactId = tabContact.loading ? undefined : tabContact.value?.contactId;
  // Tagged with the id it answers: while the next query runs, the previous answer stays,
  // which must not flash "No contact detected".
  const answer = useLiveContact(contactId);

  if (tabContact.loading || doubt.loading) return <p className="loading">Loading…</p>;
  // A doubtful person is never shown silently: the question comes first.
  if (doubt.value && tabId !== undefined) {
    return (
      <main>
        <PartBoundary what="the question who this page shows">
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <IdentityQuestion tabId={tabId} doubt={doubt.value} />
          </Suspense>
        </PartBoundary>
      </main>
    );
  }
  const shown = answer?.contactId === contactId ? answer : undefined;
  // The name and the notes read early come together: the contact's parts are drawn once, with
  // them, not first empty while the read runs (that drawing held up the database's answer).
  if (!shown && contactId && firstScreenRead(contactId, 'contact')) {
    return <p className="loading">Loading…</p>;
  }
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
