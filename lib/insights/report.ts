// Everything the Insights page shows, assembled from the statistics beside this file. Pure: the
// records come in (lib/hooks/insights-data reads them live), and so do the coach's rules (a
// contact's zone, the situation at an attempt, the best windows), so this layer imports no coach.
import type { Attempt, Contact, Outcome } from '../model';
import { OUTCOMES } from '../model';
import { contactWithNothingKnown } from '../model/contact';
import { connectHeatmap, HOURS_PER_DAY, type ConnectHeatmap } from './connect-heatmap';
import { filterByDateRange } from './date-range';
import {
  dialsBeforeFirstConnect,
  type DialsBeforeFirstConnect,
} from './dials-before-first-connect';
import { funnel, type Funnel } from './funnel';
import { outcomeRatesBySituation, type SituationOutcomes } from './outcome-rates-by-situation';
import { preparationPayoff } from './preparation-payoff';
import type { RateComparison } from './compare-rates';
import { voicemailVsCallback, type VoicemailVsCallback } from './voicemail-callback';
import { windowPayoff, type WindowPayoff } from './window-payoff';

export interface InsightsSource {
  /** Every attempt ever logged, oldest first. */
  attempts: Attempt[];
  contacts: ReadonlyMap<string, Contact>;
}

/** The coach's rules the report applies, passed in. */
export interface InsightsRules<K extends string> {
  /** A contact's zone (set, guessed from the number, else the rep's). */
  zoneOf: (contactId: string) => string;
  /** The situation the rep was in, from the contact and their attempts before `at`. */
  situationOf: (contact: Contact, earlier: readonly Attempt[], at: number) => K;
  inBestWindow: (at: number, zone: string) => boolean;
}

export interface InsightsOptions {
  clock: 'prospect' | 'rep';
  /** The rep's zone (settings, else the browser's): "My time", and a contact's zone when unknown. */
  repZone: string;
  /** Epoch ms, half-open; undefined = open. */
  from?: number | undefined;
  to?: number | undefined;
}

export interface InsightsReport<K extends string> {
  /** Attempts in the range. */
  attempts: number;
  heatmap: ConnectHeatmap;
  /** The heatmap's columns. */
  hours: number[];
  funnel: Funnel;
  situations: SituationOutcomes<K>[];
  /** Outcomes logged at least once in the range: the situation table's columns. */
  outcomes: Outcome[];
  preparation: RateComparison;
  windows: WindowPayoff;
  firstConnect: DialsBeforeFirstConnect;
  voicemail: VoicemailVsCallback;
}

/** The heatmap shows these hours at least (7 am to the 7 pm hour), widened to any hour with
 *  dials, so nothing logged is ever hidden and a usual day stays readable. */
const HEATMAP_FIRST_HOUR = 7;
const HEATMAP_LAST_HOUR = 19;

function heatmapHours(heatmap: ConnectHeatmap): number[] {
  let first = HEATMAP_FIRST_HOUR;
  let last = HEATMAP_LAST_HOUR;
  for (const row of heatmap) {
    row.forEach((cell, hour) => {
      if (cell.dials === 0) return;
      first = Math.min(first, hour);
      last = Math.max(last, hour);
    });
  }
  return Array.from({ length: Math.min(last, HOURS_PER_DAY - 1) - first + 1 }, (_, i) => first + i);
}

/**
 * The situation the rep was in at each attempt, over that contact's earlier attempts (all of
 * them, not only those in the range: history before the range still shaped it). An attempt
 * whose contact was deleted is read against a contact with nothing known but its id.
 */
function situationsAt<K extends string>(
  source: InsightsSource,
  contactOf: (contactId: string) => Contact,
  situationOf: InsightsRules<K>['situationOf'],
): Map<string, K> {
  const byContact = new Map<string, Attempt[]>();
  for (const attempt of source.attempts) {
    const list = byContact.get(attempt.contactId);
    if (list) list.push(attempt);
    else byContact.set(attempt.contactId, [attempt]);
  }
  const keys = new Map<string, K>();
  for (const [contactId, history] of byContact) {
    const contact = contactOf(contactId);
    for (const attempt of history) {
      const earlier = history.filter((other) => other.at < attempt.at);
      keys.set(attempt.id, situationOf(contact, earlier, attempt.at));
    }
  }
  return keys;
}

/** Everything the Insights page shows, for one range and clock. */
export function insightsReport<K extends string>(
  source: InsightsSource,
  options: InsightsOptions,
  rules: InsightsRules<K>,
): InsightsReport<K> {
  const { clock, repZone, from, to } = options;
  const attempts = filterByDateRange(source.attempts, from, to);
  const heatmap = connectHeatmap(
    attempts,
    rules.zoneOf,
    clock === 'rep' ? { clock: 'rep', repZone } : { clock: 'prospect' },
  );
  const advanced = new Set(
    [...source.contacts.values()].filter((c) => c.advancedAt !== undefined).map((c) => c.id),
  );
  const contactOf = (contactId: string) =>
    source.contacts.get(contactId) ?? contactWithNothingKnown(contactId);
  const situationKeys = situationsAt(source, contactOf, rules.situationOf);
  const seen = new Set(attempts.map((attempt) => attempt.outcome));
  return {
    attempts: attempts.length,
    heatmap,
    hours: heatmapHours(heatmap),
    funnel: funnel(attempts, advanced),
    situations: outcomeRatesBySituation(
      attempts,
      (attempt) =>
        situationKeys.get(attempt.id) ??
        rules.situationOf(contactOf(attempt.contactId), [], attempt.at),
    ),
    outcomes: OUTCOMES.filter((outcome) => seen.has(outcome)),
    preparation: preparationPayoff(attempts),
    windows: windowPayoff(attempts, rules.zoneOf, rules.inBestWindow),
    firstConnect: dialsBeforeFirstConnect(attempts),
    voicemail: voicemailVsCallback(attempts),
  };
}
