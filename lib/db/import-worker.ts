// The page's side of an import: a dedicated worker per chosen file (lib/db/import.worker), so
// parsing, checking and writing 50,000 records never block the page. IndexedDB is shared with
// the page's origin, and Dexie tells every page of the extension and the background about the
// worker's writes (its BroadcastChannel), so live views and the toolbar badge follow an import
// as they follow any other write.
import type { ImportReport, ImportRequest } from '../transfer/import-messages';
// Vite bundles the worker and its imports into one file of the build. (Not the `new Worker(new
// URL('./x', import.meta.url))` form: WXT defines import.meta.url as self.location.href for
// service workers, which hides that form from Vite, so the worker was never bundled.)
import ImportWorker from './import.worker.ts?worker';

export interface ImportChannel {
  send(request: ImportRequest): void;
  /** Reports of the worker, in order. */
  onReport(listener: (report: ImportReport) => void): void;
  /** Stops the worker: a write under way is rolled back (one transaction), nothing is left. */
  close(): void;
}

export function startImportWorker(): ImportChannel {
  const worker = new ImportWorker({ name: 'second-call-import' });
  const listeners: ((report: ImportReport) => void)[] = [];
  worker.addEventListener('message', (event: MessageEvent<ImportReport>) => {
    for (const listener of listeners) listener(event.data);
    // One import per worker: once it is written the worker has done its job, even if the page
    // that asked has moved on. (After a failure it stays, so the rep can try again.)
    if (event.data.type === 'imported') worker.terminate();
  });
  worker.addEventListener('error', (event) => {
    const message = `The import stopped unexpectedly (${event.message || 'worker error'}). Nothing was imported: your data is as it was.`;
    for (const listener of listeners) listener({ type: 'failed', message });
  });
  return {
    send: (request) => worker.postMessage(request),
    onReport: (listener) => listeners.push(listener),
    close: () => worker.terminate(),
  };
}
