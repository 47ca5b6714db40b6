import { machineZone } from '../time/rep-clock';
import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, so time-based advice stays current. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The browser's own zone: the rep's zone until they set one. */
export const browserZone = machineZone;
