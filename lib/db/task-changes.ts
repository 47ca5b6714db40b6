// Every committed change to follow-ups, wherever it was made: Dexie tells its own context at
// once and every other page, worker and the service worker on its BroadcastChannel (the raw
// outcome commit posts there too, lib/db/outcome-commit.ts). What follows the follow-ups (the
// toolbar badge, the due alarm) listens here rather than being called after each kind of write.
import Dexie, { type ObservabilitySet } from 'dexie';
import { DB_NAME } from './schema';

/** Task changes settle this long before what follows them acts: a burst (an import, a click
 *  that closes one follow-up and opens the next) is one change. */
export const TASKS_SETTLE_MS = 250;

const TASK_PARTS = `idb://${DB_NAME}/tasks/`;

/** Whether a change Dexie reports touches the tasks table (`all`: a page back from the
 *  back/forward cache, which may have missed anything). */
function touchesTasks(parts: ObservabilitySet): boolean {
  return Object.keys(parts).some((part) => part === 'all' || part.startsWith(TASK_PARTS));
}

export interface TaskFollower {
  /** A change learnt of otherwise (a page saying so): settles with the others. */
  changed(): void;
  stop(): void;
}

/**
 * Calls `listener` once after task changes have settled for `settleMs` (trailing): a burst of
 * writes is one call.
 */
export function onTaskChanges(listener: () => void, settleMs = TASKS_SETTLE_MS): TaskFollower {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      listener();
    }, settleMs);
  };
  const onMutated = (parts: ObservabilitySet) => {
    if (touchesTasks(parts)) changed();
  };
  Dexie.on('storagemutated', onMutated);
  return {
    changed,
    stop: () => {
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
  };
}
