// A datetime-local input reads and writes the browser's own clock, the one every time in the
// panel and the queue is shown in; the prospect's clock is shown beside it when it differs.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";
const CLOCK_FORMAT = 'EEE d MMM, HH:mm';

export function toInputValue(ms: number): string {
  return format(ms, INPUT_FORMAT);
}

/** Epoch ms of a datetime-local value, or undefined when it is empty or incomplete. */
export function fromInputValue(value: string): number | undefined {
  const ms = new Date(value).getTime();
  return value === '' || Number.isNaN(ms) ? undefined : ms;
}

/** "Wed 7 May, 16:30 their time (Europe/Berlin)", or undefined when their clock reads the same. */
export function theirClock(ms: number, theirZone: string | undefined): string | undefined {
  if (!theirZone) return undefined;
  const theirs = format(new TZDate(ms, theirZone), CLOCK_FORMAT);
  return theirs === format(ms, CLOCK_FORMAT) ? undefined : `${theirs} their time (${theirZone})`;
}
