import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onTaskChanges } from '@/lib/db/task-changes';
import { wakeBackground } from '@/lib/messaging/wake-background';
import { SidePanelApp } from '@/components/SidePanelApp';
import { pinnedTabId } from '@/lib/hooks/panel-tab';
import '@/assets/panel.css';
import { readSessionValueEarly, tabState } from '@/lib/messaging/tab-state';
import { database } from '@/lib/db/schema';
import { readFirstScreenEarly } from '@/lib/db/first-screen';
import type { TabContact } from '@/lib/messaging/protocol';

// The badge and due alarm follow the tasks; a worker asleep is woken to see this page's writes.
onTaskChanges(wakeBackground);

const root = document.getElementById('root');
if (root) {
  // The panel opened for one tab reads that tab's contact while React starts.
  const pinned = pinnedTabId(location.search);
  if (pinned !== undefined) {
    void readSessionValueEarly<TabContact>(tabState.contact.key(pinned)).then(
      (shown) => shown && readFirstScreenEarly(shown.contactId),
      () => undefined,
    );
    void readSessionValueEarly(tabState.doubt.key(pinned)).catch(() => undefined);
  }
  // The database opens meanwhile too, not when the first read asks for it. A failure is the
  // same one every read then reports, on the part that made it.
  database()
    .open()
    .catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <SidePanelApp search={location.search} />
    </StrictMode>,
  );
}
