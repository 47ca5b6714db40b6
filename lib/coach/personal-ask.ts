// The suggested ask, re-picked by the rep's own connect rates once an hour has enough of their
// dials to speak for itself.
import { businessHourSlots, isInBestWindow } from './call-windows';
import { isSameLocalDay } from '../time/calendar';
import {
  cellAt,
  ownRateReason,
  personalSlotRanking,
  type BestTimesModel,
} from './personal-best-times';
import type { SituationKey } from './situation';
import { MIN_LEAD_MS, phraseAsk, type Slot, type SuggestedAsk } from './suggest-ask';

/** The rep's data chooses among the slots of about a week: a better hour is not worth asking
 *  for a date weeks out. */
const RANKED_BUSINESS_DAYS = 5;

/**
 * The general ask with its two slots chosen by the rep's own record. Candidates are every
 * business-hours slot (weekdays 8:00–18:00 on the prospect's clock) at least MIN_LEAD_MS ahead
 * over RANKED_BUSINESS_DAYS; outside the Tue–Thu best windows only an hour with enough of the
 * rep's dials may be chosen, so strong data can prefer Friday 9:00 while a hunch never does.
 * The two slots fall on different days, the rep's best first (the voicemail leans on it). An
 * agreed time (a promise) and the golden window after an event (freshness) outrank connect
 * rates, so those asks are kept. `why` quotes the rep's numbers behind the choice.
 */
export function askByOwnRecord(
  ask: SuggestedAsk,
  model: BestTimesModel,
  now: number,
  prospectZone: string,
  repZone: string,
  situation: SituationKey,
): SuggestedAsk {
  if (ask.basis !== 'next-windows') return ask;
  const from = Math.max(now + MIN_LEAD_MS, ask.notBefore ?? 0);
  const candidates = [...businessHourSlots(from, prospectZone, RANKED_BUSINESS_DAYS, ask.minutes)];
  const ranked = personalSlotRanking(model, candidates, prospectZone, now).filter(
    (slot) => slot.hasEnoughData || isInBestWindow(slot.at, prospectZone),
  );
  if (!ranked.some((slot) => slot.hasEnoughData)) return ask;
  const [best] = ranked;
  const other = ranked.find((slot) => best && !isSameLocalDay(slot.at, best.at, prospectZone));
  if (!best || !other) return ask;
  const phrased = phraseAsk(now, prospectZone, repZone, [best.at, other.at], ask.basis, {
    minutes: ask.minutes,
    purpose: ask.purpose,
    situation,
  });
  const chosen = ask.notBefore === undefined ? phrased : { ...phrased, notBefore: ask.notBefore };
  const why = reasonFor(chosen.slots, ask.slots[0], model, prospectZone);
  return why === undefined ? chosen : { ...chosen, why };
}

/** The rep's numbers behind the chosen slots, or behind the usual slot they ruled out. */
function reasonFor(
  chosen: readonly Slot[],
  usual: Slot,
  model: BestTimesModel,
  zone: string,
): string | undefined {
  const backed = chosen.filter((slot) => cellAt(model, slot.at, zone).hasEnoughData);
  const lines = backed.map(
    (slot) => `${slot.prospectLabel} — ${ownRateReason(model, slot.at, zone)}.`,
  );
  const avoided =
    !chosen.some((slot) => slot.at === usual.at) && cellAt(model, usual.at, zone).hasEnoughData;
  if (avoided) lines.push(`Not ${usual.prospectLabel} — ${ownRateReason(model, usual.at, zone)}.`);
  return lines.length === 0 ? undefined : lines.join(' ');
}
