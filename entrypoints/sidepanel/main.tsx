import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onTaskChanges } from '@/lib/db/task-changes';
import { wakeBackground } from '@/lib/messaging/wake-background';
import { SidePanelApp } from '@/components/SidePanelApp';
import { pinnedTabId } from '@/lib/hooks/panel-tab';
import '@/assets/panel.css';
import { readSessionValueEarly, tabState } from '@/lib/messaging/tab-state';

// The badge and due alarm follow the tasks; a worker asleep is woken to see this page's writes.
onTaskChanges(wakeBackground);

const root = document.getElementById('root');
if (root) {
  // The panel opened for one tab reads that tab's contact while React starts.
  const pinned = pinnedTabId(location.search);
  if (pinned !== undefined) {
    readSessionValueEarly(tabState.contact.key(pinned));
    readSessionValueEarly(tabState.doubt.key(pinned));
  }
  createRoot(root).render(
    <StrictMode>
      <SidePanelApp search={location.search} />
    </StrictMode>,
  );
}
