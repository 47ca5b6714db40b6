import { describe, expect, it } from 'vitest';
import { unshowableDates } from '@/lib/model/showable-dates';
import { cleanRecord } from '@/lib/transfer/records';
import { attempt, jane, note, plan, rep, task } from '../transfer/sample-data';

// The screens' list of date fields (lib/model/showable-dates) and the import's checks
// (lib/transfer/records) are written apart: here they must name the same fields, so a date
// the import lets in is one every screen can show, and a date field added to one is added to
// both.
const ADVANCED_AT = 1_700_000_400_000;
const samples = {
  contacts: { ...jane, advancedAt: ADVANCED_AT },
  notes: note,
  attempts: { ...attempt, agreedAt: 1_700_200_000_000 },
  tasks: task,
  plans: plan,
  settings: rep,
} as const;

/** The fields of a record the import refuses as dates when set to the year 3,000,000. */
function datesTheImportChecks(table: keyof typeof samples): string[] {
  const record: Record<string, unknown> = { ...samples[table] };
  return Object.keys(record).filter((key) => {
    const cleaned = cleanRecord(table, { ...record, [key]: 1e20 });
    return !cleaned.ok && /is a date/.test(cleaned.problem);
  });
}

describe('the date fields a screen must be able to show', () => {
  it.each(Object.keys(samples) as (keyof typeof samples)[])(
    'are the ones the import checks as dates (%s)',
    (table) => {
      const record: Record<string, unknown> = { ...samples[table] };
      expect(unshowableDates(table, record)).toEqual([]);
      const planted = Object.fromEntries(
        Object.keys(record).map((key) => [
          key,
          typeof record[key] === 'number' ? 1e20 : record[key],
        ]),
      );
      expect(unshowableDates(table, planted).sort()).toEqual(datesTheImportChecks(table).sort());
    },
  );

  it('lists a missing required date, and not a missing optional one', () => {
    const undated = { ...samples.attempts, at: undefined, agreedAt: undefined };
    expect(unshowableDates('attempts', undated)).toEqual(['at']);
  });
});
