import { browserZone } from '@/lib/hooks/now';
import { fromInputValue, theirClock } from './zone-times';

/** Under a date-time input: which clock it is on, and the prospect's time when theirs differs. */
export function ZoneHint({
  id,
  value,
  theirZone,
}: {
  id: string;
  value: string;
  theirZone: string | undefined;
}) {
  const at = fromInputValue(value);
  const theirs = at === undefined ? undefined : theirClock(at, theirZone);
  return (
    <p id={id} className="hint zone-hint">
      In your time ({browserZone()}).
      {theirs && <> That is {theirs}.</>}
    </p>
  );
}
