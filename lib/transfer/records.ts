// The shape every backed-up record must have before it may be written: required fields
// with the right types, optional ones either absent or right. Extra fields are kept.
import { NOTE_KINDS, OUTCOMES, SOMETHING_NEW_KINDS } from '../model';

export type RecordTable = 'contacts' | 'notes' | 'attempts' | 'tasks' | 'plans' | 'settings';

interface Rule {
  /** What the field should be, said to the rep: "text", "a number". */
  expected: string;
  test: (value: unknown) => boolean;
}

const text: Rule = { expected: 'text', test: (v) => typeof v === 'string' };
const id: Rule = { expected: 'non-empty text', test: (v) => typeof v === 'string' && v !== '' };
const number: Rule = {
  expected: 'a number',
  test: (v) => typeof v === 'number' && Number.isFinite(v),
};
const texts: Rule = {
  expected: 'a list of text',
  test: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};
const oneOf = (values: readonly string[]): Rule => ({
  expected: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
  test: (v) => typeof v === 'string' && values.includes(v),
});
const channel = oneOf(['call', 'email']);
const CONTACT_STATUSES = ['active', 'nurture', 'closed'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const identities: Rule = {
  expected: 'a list of CRM records (site, recordId, url)',
  test: (v) =>
    Array.isArray(v) &&
    v.every(
      (i) =>
        isObject(i) &&
        typeof i.site === 'string' &&
        typeof i.recordId === 'string' &&
        typeof i.url === 'string',
    ),
};
const merges: Rule = {
  expected: 'a list of merges (key, value, at)',
  test: (v) =>
    Array.isArray(v) &&
    v.every(
      (m) =>
        isObject(m) &&
        (m.key === 'email' || m.key === 'phone') &&
        typeof m.value === 'string' &&
        number.test(m.at) &&
        (m.identity === undefined || typeof m.identity === 'string') &&
        (m.name === undefined || typeof m.name === 'string') &&
        (m.emails === undefined || texts.test(m.emails)) &&
        (m.phones === undefined || texts.test(m.phones)),
    ),
};
const planSummary: Rule = {
  expected: 'a call plan summary',
  test: (v) =>
    isObject(v) &&
    ['goal', 'reference', 'newValue', 'ask'].every(
      (k) => v[k] === undefined || typeof v[k] === 'string',
    ) &&
    (v.complete === undefined || typeof v.complete === 'boolean'),
};

const statusBefore: Rule = {
  expected: 'a contact status and time',
  test: (v) => isObject(v) && oneOf(CONTACT_STATUSES).test(v.status) && number.test(v.updatedAt),
};

type Shape = { required: Record<string, Rule>; optional: Record<string, Rule> };

const SHAPES: Record<RecordTable, Shape> = {
  contacts: {
    required: {
      id,
      name: text,
      emails: texts,
      phones: texts,
      identities,
      identityKeys: texts,
      createdAt: number,
      updatedAt: number,
    },
    optional: {
      company: text,
      title: text,
      timeZone: text,
      preferredChannel: channel,
      status: oneOf(CONTACT_STATUSES),
      advancedAt: number,
      merges,
    },
  },
  notes: {
    required: {
      id,
      contactId: id,
      kind: oneOf(NOTE_KINDS),
      text,
      createdAt: number,
      updatedAt: number,
    },
    optional: { words: texts },
  },
  attempts: {
    required: { id, contactId: id, at: number, channel, outcome: oneOf(OUTCOMES) },
    optional: {
      voicemailSeconds: number,
      agreedAt: number,
      promisedAt: number,
      plan: planSummary,
      note: text,
      closedTaskIds: texts,
      statusBefore,
    },
  },
  tasks: {
    required: {
      id,
      contactId: id,
      dueAt: number,
      channel,
      status: oneOf(['open', 'done']),
      reason: text,
      createdAt: number,
    },
    optional: { attemptId: text, kind: oneOf(['meeting']) },
  },
  plans: {
    required: {
      contactId: id,
      goal: text,
      reference: text,
      newValue: text,
      ask: text,
      opener: text,
      updatedAt: number,
    },
    optional: { referenceNoteId: text, newValueKind: oneOf(SOMETHING_NEW_KINDS) },
  },
  settings: {
    required: {
      id: oneOf(['rep']),
      repName: text,
      company: text,
      callbackNumber: text,
      timeZone: text,
    },
    optional: {},
  },
};

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 30 ? 'other text' : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * What is wrong with `record` as a row of `table`, as the end of a sentence that begins
 * 'Record 3 of "notes"' (it starts with its own space or colon), or undefined when the
 * record may be written.
 */
export function checkRecord(table: RecordTable, record: unknown): string | undefined {
  if (!isObject(record)) return ` is ${shown(record)}, not a record.`;
  const key = table === 'plans' ? record.contactId : record.id;
  const named = typeof key === 'string' && key ? ` (${JSON.stringify(key)})` : '';
  const { required, optional } = SHAPES[table];
  for (const [field, rule] of Object.entries(required)) {
    const value = record[field];
    if (value === undefined) return `${named} has no "${field}", which every record needs.`;
    if (!rule.test(value))
      return `${named}: "${field}" should be ${rule.expected}, not ${shown(value)}.`;
  }
  for (const [field, rule] of Object.entries(optional)) {
    const value = record[field];
    if (value !== undefined && !rule.test(value)) {
      return `${named}: "${field}" should be ${rule.expected} (or left out), not ${shown(value)}.`;
    }
  }
  return undefined;
}

// ---- Contract for issue 14 (filled in by the validation work) ----

/** Something the check changed in an otherwise valid record, for the import preview. */
export interface Cut {
  table: RecordTable;
  /** The field, as the file names it ("identities.url", "emails", "__proto__"). */
  field: string;
  /** Why, in the rep's words: "a link that is not https on a supported site was dropped". */
  reason: string;
}

export type CleanedRecord =
  { ok: true; record: Record<string, unknown>; cuts: Cut[] } | { ok: false; problem: string };

/**
 * The one validated shape of a record of `table`: the copy that may be stored (known fields
 * only, strings and lists capped, links checked), what was cut, or why it cannot be stored.
 * Used by the backup import, the repair of stored records and the reading of settings.
 */
export function cleanRecord(table: RecordTable, raw: unknown): CleanedRecord {
  const problem = checkRecord(table, raw);
  if (problem !== undefined) return { ok: false, problem };
  return { ok: true, record: { ...(raw as Record<string, unknown>) }, cuts: [] };
}
