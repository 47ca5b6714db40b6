import { knownProspectZone, type ZoneClues } from '@/lib/coach/prospect-zone';
import { fromZoneInputValue, THEIR_ZONE_UNKNOWN, theirTimeBeside } from '@/lib/time/rep-clock';

/** Under a date-time input (on the rep's clock, labelled once at the top of the panel): the
 *  prospect's time for the chosen moment when theirs differs, or that their zone is not known. */
export function ZoneHint({
  id,
  value,
  contact,
  repZone,
}: {
  id: string;
  value: string;
  contact: ZoneClues;
  repZone: string;
}) {
  const theirZone = knownProspectZone(contact).zone;
  const at = fromZoneInputValue(value, repZone);
  const theirs =
    at === undefined || theirZone === undefined
      ? undefined
      : theirTimeBeside(at, theirZone, repZone);
  return (
    <p id={id} className="hint zone-hint">
      {theirZone === undefined ? `Your time; ${THEIR_ZONE_UNKNOWN}.` : 'Your time.'}
      {theirs && <> That is {theirs}.</>}
    </p>
  );
}
