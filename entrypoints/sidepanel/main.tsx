import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onTaskChanges } from '@/lib/db/task-changes';
import { wakeBackground } from '@/lib/messaging/wake-background';
import { SidePanelApp } from '@/components/SidePanelApp';
import { readSessionValueEarly } from '@/lib/messaging/session-values';
import { doubtKey, tabKey } from '@/lib/messaging/protocol';
import { pinnedTabId } from '@/lib/hooks/panel-tab';
import '@/assets/panel.css';

// The badge and due alarm follow the tasks; a worker asleep is woken to see this page's writes.
onTaskChanges(wakeBackground);

const root = document.getElementById('root');
if (root) {
  // The panel opened for one tab reads that tab's contact while React starts.
  const pinned = pinnedTabId(location.search);
  if (pinned !== undefined) {
    readSessionValueEarly(tabKey(pinned));
    readSessionValueEarly(doubtKey(pinned));
  }
  createRoot(root).render(
    <StrictMode>
      <SidePanelApp search={location.search} />
    </StrictMode>,
  );
}
