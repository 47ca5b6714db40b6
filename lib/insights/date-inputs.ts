// The Insights page's date inputs, read on the rep's calendar.
import { TZDate } from '@date-fns/tz';
import { format, subDays } from 'date-fns';

/** The date inputs' default: the last 90 days, on the rep's calendar. */
const DEFAULT_RANGE_DAYS = 90;

export interface DateInputs {
  /** yyyy-MM-dd, as a date input holds it. */
  from: string;
  to: string;
}

export function defaultDateInputs(now: number, zone: string): DateInputs {
  const today = new TZDate(now, zone);
  return {
    from: format(subDays(today, DEFAULT_RANGE_DAYS), 'yyyy-MM-dd'),
    to: format(today, 'yyyy-MM-dd'),
  };
}

function startOfDateIn(date: string, zone: string, dayOffset = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return new TZDate(Number(year), Number(month) - 1, Number(day) + dayOffset, zone).getTime();
}

/** The inputs as a half-open range on the rep's calendar: from the start of `from` to the end
 *  of `to` (both days included). An empty input leaves its side open. */
export function dateRangeOf(
  inputs: DateInputs,
  zone: string,
): { from: number | undefined; to: number | undefined } {
  return { from: startOfDateIn(inputs.from, zone), to: startOfDateIn(inputs.to, zone, 1) };
}
