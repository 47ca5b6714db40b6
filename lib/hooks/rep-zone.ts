import { useLiveQuery } from 'dexie-react-hooks';
import { readRepZone } from '../db/rep-zone';
import { browserZone } from './now';

/** The zone every time on a screen is shown in: the rep's (Settings), else the browser's;
 *  undefined while the settings load, so nothing shows a moment on the wrong clock first. */
export function useRepZone(): string | undefined {
  return useLiveQuery(() => readRepZone(browserZone()), []);
}
