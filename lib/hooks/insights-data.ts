// The rep's whole record, live, for the Insights page and the panel's personal best times, and
// the one place that hands it to lib/insights. Components render what `insightsReport` returns;
// they compute no statistic of their own.
import { useMemo } from 'react';
import { prospectZoneOf } from '../coach/prospect-zone';
import { useLiveQuery } from 'dexie-react-hooks';
import { TZDate } from '@date-fns/tz';
import { format, subDays } from 'date-fns';
import type { Attempt, Contact, Outcome } from '../model';
import { OUTCOMES } from '../model';
import { hasShowableDates } from '../model/showable-dates';
import { database } from '../db/schema';
import { isInBestWindow } from '../coach/call-windows';
import { bestTimesModel, type BestTimesModel } from '../coach/personal-best-times';
import { situationOf, type SituationKey } from '../coach/situation';
import {
  connectHeatmap,
  dialsBeforeFirstConnect,
  filterByDateRange,
  funnel,
  HOURS_PER_DAY,
  outcomeRatesBySituation,
  preparationPayoff,
  voicemailVsCallback,
  windowPayoff,
  type ConnectHeatmap,
  type DialsBeforeFirstConnect,
  type Funnel,
  type RateComparison,
  type SituationOutcomes,
  type VoicemailVsCallback,
  type WindowPayoff,
} from '../insights';

interface InsightsSource {
  /** Every attempt ever logged, oldest first. */
  attempts: Attempt[];
  contacts: ReadonlyMap<string, Contact>;
}

/** All attempts and contacts, kept live as any page of the extension writes. */
export function useInsightsSource(): InsightsSource | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const [attempts, contacts] = await Promise.all([
      db.attempts.orderBy('at').toArray(),
      db.contacts.toArray(),
    ]);
    return { attempts, contacts: new Map(contacts.map((c) => [c.id, c])) };
  }, []);
}

/** A contact's zone, as the panel reads it: set, else guessed from their number, else the rep's. */
function zoneOfContact(
  contacts: ReadonlyMap<string, Contact>,
  repZone: string,
): (contactId: string) => string {
  return (contactId) => {
    const contact = contacts.get(contactId);
    return contact ? prospectZoneOf(contact, repZone).zone : repZone;
  };
}

/** The rep's connect rates on the prospect's clock, for the panel's "good time to call?" and
 *  the suggested ask; undefined while loading. */
export function useBestTimesModel(repZone: string): BestTimesModel | undefined {
  const source = useInsightsSource();
  return useMemo(
    () =>
      source &&
      bestTimesModel(
        connectHeatmap(
          // One attempt no clock can show must not take every contact's plan down with it.
          source.attempts.filter((attempt) => hasShowableDates('attempts', attempt)),
          zoneOfContact(source.contacts, repZone),
        ),
      ),
    [source, repZone],
  );
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

interface InsightsOptions {
  clock: 'prospect' | 'rep';
  /** The rep's zone (settings, else the browser's): "My time", and a contact's zone when unknown. */
  repZone: string;
  /** Epoch ms, half-open; undefined = open. */
  from?: number;
  to?: number;
}

interface InsightsReport {
  /** Attempts in the range. */
  attempts: number;
  heatmap: ConnectHeatmap;
  /** The heatmap's columns. */
  hours: number[];
  funnel: Funnel;
  situations: SituationOutcomes<SituationKey>[];
  /** Outcomes logged at least once in the range: the situation table's columns. */
  outcomes: Outcome[];
  preparation: RateComparison;
  windows: WindowPayoff;
  firstConnect: DialsBeforeFirstConnect;
  voicemail: VoicemailVsCallback;
}

/** Placeholder for an attempt whose contact was deleted: situationOf reads only the id. */
function unknownContact(id: string): Contact {
  return {
    id,
    name: '',
    emails: [],
    phones: [],
    identities: [],
    identityKeys: [],
    createdAt: 0,
    updatedAt: 0,
  };
}

/**
 * The situation the rep was in at each attempt: situationOf over that contact's earlier attempts
 * (all of them, not only those in the range — history before the range still shaped it).
 */
function situationsAt(source: InsightsSource): Map<string, SituationKey> {
  const byContact = new Map<string, Attempt[]>();
  for (const attempt of source.attempts) {
    const list = byContact.get(attempt.contactId);
    if (list) list.push(attempt);
    else byContact.set(attempt.contactId, [attempt]);
  }
  const keys = new Map<string, SituationKey>();
  for (const [contactId, history] of byContact) {
    const contact = source.contacts.get(contactId) ?? unknownContact(contactId);
    for (const attempt of history) {
      const earlier = history.filter((other) => other.at < attempt.at);
      keys.set(attempt.id, situationOf(contact, earlier, [], attempt.at).key);
    }
  }
  return keys;
}

/** Everything the Insights page shows, from lib/insights, for one range and clock. */
export function insightsReport(source: InsightsSource, options: InsightsOptions): InsightsReport {
  const { clock, repZone, from, to } = options;
  const attempts = filterByDateRange(source.attempts, from, to);
  const zoneOf = zoneOfContact(source.contacts, repZone);
  const heatmap = connectHeatmap(
    attempts,
    zoneOf,
    clock === 'rep' ? { clock: 'rep', repZone } : { clock: 'prospect' },
  );
  const advanced = new Set(
    [...source.contacts.values()].filter((c) => c.advancedAt !== undefined).map((c) => c.id),
  );
  const situationKeys = situationsAt(source);
  const seen = new Set(attempts.map((attempt) => attempt.outcome));
  return {
    attempts: attempts.length,
    heatmap,
    hours: heatmapHours(heatmap),
    funnel: funnel(attempts, advanced),
    situations: outcomeRatesBySituation(
      attempts,
      (attempt) => situationKeys.get(attempt.id) ?? 'new-contact',
    ),
    outcomes: OUTCOMES.filter((outcome) => seen.has(outcome)),
    preparation: preparationPayoff(attempts),
    windows: windowPayoff(attempts, zoneOf, isInBestWindow),
    firstConnect: dialsBeforeFirstConnect(attempts),
    voicemail: voicemailVsCallback(attempts),
  };
}
