// The rep's whole record, live, for the Insights page and the panel's personal best times: it
// reads the records and hands them, with the coach's rules, to lib/insights (report.ts).
// Components render what the report holds; they compute no statistic of their own.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact } from '../model';
import { hasShowableDates } from '../model/showable-dates';
import { database } from '../db/schema';
import { prospectZoneOf } from '../coach/prospect-zone';
import { isInBestWindow } from '../coach/call-windows';
import { bestTimesModel, type BestTimesModel } from '../coach/personal-best-times';
import { situationOf, type SituationKey } from '../coach/situation';
import { connectHeatmap } from '../insights/connect-heatmap';
import {
  insightsReport,
  type InsightsOptions,
  type InsightsReport,
  type InsightsRules,
  type InsightsSource,
} from '../insights/report';

/** All attempts and contacts, kept live as any page of the extension writes. */
function useInsightsSource(): InsightsSource | undefined {
  return useLiveQuery(async () => {
    const db = database();
    const [attempts, contacts] = await Promise.all([
      db.attempts.orderBy('at').toArray(),
      db.contacts.toArray(),
    ]);
    return { attempts, contacts: new Map(contacts.map((c) => [c.id, c])) };
  }, []);
}

/** A contact's zone, as the panel reads it: set, else guessed from their number, else the rep's.
 *  Worked out once per contact, not per attempt: a guess parses a phone number, and the panel
 *  runs this over every attempt after each outcome. */
function zoneOfContact(
  contacts: ReadonlyMap<string, Contact>,
  repZone: string,
): (contactId: string) => string {
  const zones = new Map<string, string>();
  return (contactId) => {
    let zone = zones.get(contactId);
    if (zone === undefined) {
      const contact = contacts.get(contactId);
      zone = contact ? prospectZoneOf(contact, repZone).zone : repZone;
      zones.set(contactId, zone);
    }
    return zone;
  };
}

/** The coach's rules the Insights report applies, for the rep's zone. */
function coachRules(
  contacts: ReadonlyMap<string, Contact>,
  repZone: string,
): InsightsRules<SituationKey> {
  return {
    zoneOf: zoneOfContact(contacts, repZone),
    situationOf: (contact, earlier, at) => situationOf(contact, earlier, [], at).key,
    inBestWindow: isInBestWindow,
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

/** The records (undefined while loading) and the Insights report for one range and clock. */
export function useInsightsReport(
  options: InsightsOptions,
): { source: InsightsSource; report: InsightsReport<SituationKey> } | undefined {
  const source = useInsightsSource();
  const { clock, repZone, from, to } = options;
  return useMemo(
    () =>
      source && {
        source,
        report: insightsReport(
          source,
          { clock, repZone, from, to },
          coachRules(source.contacts, repZone),
        ),
      },
    [source, clock, repZone, from, to],
  );
}
