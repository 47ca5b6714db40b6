// The Insights report, assembled in Node from plain records and the coach's own rules: what
// the rep reads on the Insights page, with no database and no React.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../lib/model';
import { insightsReport, type InsightsRules } from '../../../lib/insights/report';
import { situationOf, type SituationKey } from '../../../lib/coach/situation';
import { isInBestWindow } from '../../../lib/coach/call-windows';
import { storedContact } from '../stored-contact';
import { attempt, DAY, HOUR } from './make-attempt';

const ZONE = 'America/New_York';
// Tuesday 14 January 2025, 10:00 in New York.
const TUESDAY_10AM = Date.UTC(2025, 0, 14, 15);

const rules: InsightsRules<SituationKey> = {
  zoneOf: () => ZONE,
  situationOf: (contact, earlier, at) => situationOf(contact, earlier, [], at).key,
  inBestWindow: isInBestWindow,
};

function contacts(...list: Contact[]): ReadonlyMap<string, Contact> {
  return new Map(list.map((contact) => [contact.id, contact]));
}

describe('the Insights report', () => {
  it('reads a deleted contact’s attempts in the situation their own history made', () => {
    // Information sent, then an unanswered call: the call was made after information was
    // sent, even though the contact has since been deleted.
    const sent = attempt('gone', TUESDAY_10AM, 'sent-info', { channel: 'email' });
    const call = attempt('gone', TUESDAY_10AM + DAY, 'no-answer');
    const report = insightsReport(
      { attempts: [sent, call], contacts: contacts() },
      { clock: 'prospect', repZone: ZONE },
      rules,
    );
    expect(report.attempts).toBe(2);
    const afterInfo = report.situations.find((row) => row.situation === 'after-info-sent');
    expect(afterInfo?.attempts).toBe(1);
    expect(afterInfo?.outcomes['no-answer'].count).toBe(1);
  });

  it('counts only the range, while history before it still sets the situation', () => {
    const maria = storedContact();
    const sent = attempt('c1', TUESDAY_10AM, 'sent-info', { channel: 'email' });
    const call = attempt('c1', TUESDAY_10AM + 2 * DAY, 'connected');
    const report = insightsReport(
      { attempts: [sent, call], contacts: contacts(maria) },
      { clock: 'prospect', repZone: ZONE, from: TUESDAY_10AM + DAY },
      rules,
    );
    expect(report.attempts).toBe(1);
    expect(report.situations.map((row) => row.situation)).toEqual(['after-info-sent']);
    // The situation table's columns are the outcomes logged in the range, no others.
    expect(report.outcomes).toEqual(['connected']);
  });

  it('shows 7 am to the 7 pm hour, widened to an early dial so nothing logged is hidden', () => {
    const usual = insightsReport(
      { attempts: [attempt('c1', TUESDAY_10AM, 'no-answer')], contacts: contacts(storedContact()) },
      { clock: 'prospect', repZone: ZONE },
      rules,
    );
    expect(usual.hours[0]).toBe(7);
    expect(usual.hours.at(-1)).toBe(19);

    const early = insightsReport(
      {
        attempts: [attempt('c1', TUESDAY_10AM - 5 * HOUR, 'no-answer')],
        contacts: contacts(storedContact()),
      },
      { clock: 'prospect', repZone: ZONE },
      rules,
    );
    expect(early.hours[0]).toBe(5);
  });

  it('counts a contact the rep marked advanced in the funnel', () => {
    const report = insightsReport(
      {
        attempts: [attempt('c1', TUESDAY_10AM, 'connected')],
        contacts: contacts(storedContact({ advancedAt: TUESDAY_10AM + DAY })),
      },
      { clock: 'prospect', repZone: ZONE },
      rules,
    );
    expect(report.funnel.contactsReached).toBe(1);
    expect(report.funnel.advanced).toBe(1);
  });
});
