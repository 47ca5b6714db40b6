// Every committed change to follow-ups, wherever it was made: Dexie tells its own context at
// once and every other page, worker and the service worker on its BroadcastChannel (the raw
// outcome commit posts there too, lib/db/outcome-commit.ts). What follows the follow-ups (the
// toolbar badge, the due alarm) listens here rather than being called after each kind of write.
import Dexie, { type ObservabilitySet } from 'dexie';
import { DB_NAME } from './schema';

const TASK_PARTS = `idb://${DB_NAME}/tasks/`;

/** Whether a change Dexie reports touches the tasks table (`all`: a page back from the
 *  back/forward cache, which may have missed anything). */
export function touchesTasks(parts: ObservabilitySet): boolean {
  return Object.keys(parts).some((part) => part === 'all' || part.startsWith(TASK_PARTS));
}

/**
 * Calls `listener` once after a burst of task changes has settled for `settleMs` (trailing):
 * an import or a click writing many tasks is one change to follow. Returns the unsubscribe.
 */
export function onTaskChanges(listener: () => void, settleMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onMutated = (parts: ObservabilitySet) => {
    if (!touchesTasks(parts)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      listener();
    }, settleMs);
  };
  Dexie.on('storagemutated', onMutated);
  return () => {
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
