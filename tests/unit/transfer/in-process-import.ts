// The import worker, run in the test's own thread: the same session (lib/db/import-session)
// behind the same channel the page uses, with messages delivered asynchronously and cloned,
// as postMessage does.
import { createImportSession } from '@/lib/db/import-session';
import type { ImportChannel } from '@/lib/db/import-worker';
import type { ImportReport } from '@/lib/transfer/import-messages';

export const started: ImportChannel[] = [];

export function inProcessImport(): ImportChannel {
  const listeners: ((report: ImportReport) => void)[] = [];
  let closed = false;
  const handle = createImportSession((report) => {
    const copy = structuredClone(report);
    setTimeout(() => {
      if (!closed) for (const listener of listeners) listener(copy);
    }, 0);
  });
  const channel: ImportChannel = {
    send: (request) => {
      if (!closed) setTimeout(() => void handle(request), 0);
    },
    onReport: (listener) => listeners.push(listener),
    close: () => {
      closed = true;
    },
  };
  started.push(channel);
  return channel;
}
