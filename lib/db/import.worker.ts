// The import worker's entry (started by lib/db/import-worker): only the wire between the page
// and the session, which does the work and is tested without a worker.
import { createImportSession } from './import-session';
import type { ImportRequest } from '../transfer/import-messages';

const handle = createImportSession((report) => self.postMessage(report));
self.addEventListener('message', (event: MessageEvent<ImportRequest>) => void handle(event.data));
