// Which dates of a stored record no clock can show. A date outside 1970–2200 makes date-fns
// throw "Invalid time value" mid-render; the panel's coach and the statistics leave such a
// record out, and the part that lists it offers to remove it (lib/db/repair.ts).
import { isStorableDate } from './limits';

type Table = 'contacts' | 'notes' | 'attempts' | 'tasks' | 'plans' | 'settings';

/** Date fields each kind of record holds: required ones, then optional ones. */
const DATE_FIELDS: Record<Table, { required: readonly string[]; optional: readonly string[] }> = {
  contacts: { required: ['createdAt', 'updatedAt'], optional: ['advancedAt'] },
  notes: { required: ['createdAt', 'updatedAt'], optional: [] },
  attempts: { required: ['at'], optional: ['agreedAt', 'promisedAt'] },
  tasks: { required: ['dueAt', 'createdAt'], optional: [] },
  plans: { required: ['updatedAt'], optional: [] },
  settings: { required: [], optional: [] },
};

/** The date fields of `record` that are missing or out of range (empty when all can be shown). */
export function unshowableDates(table: Table, record: unknown): string[] {
  if (typeof record !== 'object' || record === null) return [];
  const fields = record as Record<string, unknown>;
  const { required, optional } = DATE_FIELDS[table];
  return [
    ...required.filter((field) => !isStorableDate(fields[field])),
    ...optional.filter((field) => fields[field] !== undefined && !isStorableDate(fields[field])),
  ];
}

/** Whether every date of `record` can be shown. */
export function hasShowableDates(table: Table, record: unknown): boolean {
  return unshowableDates(table, record).length === 0;
}
