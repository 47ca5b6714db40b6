import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onTaskChanges } from '@/lib/db/task-changes';
import { wakeBackground } from '@/lib/messaging/wake-background';
import { DashboardApp } from '@/components/DashboardApp';
import '@/assets/panel.css';
import '@/assets/dashboard.css';

// The badge and due alarm follow the tasks; a worker asleep is woken to see this page's writes.
onTaskChanges(wakeBackground);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardApp />
    </StrictMode>,
  );
}
