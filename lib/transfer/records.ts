// The one validated shape of each stored record, used by the backup import, the repair of
// stored records and the reading of settings: a NEW object holding only the fields a record of
// its kind has — ids and enums from their known sets, dates a screen can show, time zones the
// browser knows, record links that are https on a supported site, texts and lists capped
// (lib/model/limits). What is cut is said (lib/transfer/cuts); what cannot be stored refuses.
import {
  NOTE_KINDS,
  OUTCOMES,
  SOMETHING_NEW_KINDS,
  type CrmIdentity,
  type ContactMerge,
  type ContactStatus,
} from '../model';
import { TEXT_LIMITS, isRecordId } from '../model/limits';
import { isKnownTimeZone } from '../model/time-zone';
import { openableRecordUrl } from '../sites/record-links';
import type { Cut, RecordTable } from './cuts';
import { FieldReader, RecordProblem, isObject, shown } from './record-fields';

export type { RecordTable } from './cuts';

type CleanedRecord =
  { ok: true; record: Record<string, unknown>; cuts: Cut[] } | { ok: false; problem: string };

const CHANNELS = ['call', 'email'] as const;
const CONTACT_STATUSES: readonly ContactStatus[] = ['active', 'nurture', 'closed'];
const TASK_STATUSES = ['open', 'done'] as const;
const TASK_KINDS = ['meeting'] as const;
/** Longest voicemail a rep logs: a day, far past any real one. */
const MAX_VOICEMAIL_SECONDS = 86_400;

type Fields = Record<string, unknown>;

/** Copies the defined values only: an absent optional field stays absent. */
function defined(fields: Fields): Fields {
  const record: Fields = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) record[key] = value;
  return record;
}

/** A record's last change before its creation is read as its creation (a clock set wrong). */
function inOrder(r: FieldReader, createdAt: number, updatedAt: number): number {
  if (updatedAt >= createdAt) return updatedAt;
  r.cut('updatedAt', 'date-order');
  return createdAt;
}

function identity(r: FieldReader, value: unknown): CrmIdentity {
  const i: FieldReader = r.inner(
    'identities',
    value,
    'should be a list of CRM records (site, recordId, url)',
  );
  const site = i.id('site', true)!;
  const recordId = i.required('recordId');
  if (typeof recordId !== 'string' || recordId === '' || recordId.length > TEXT_LIMITS.recordId) {
    i.refuse(
      'recordId',
      `should be a CRM record id of 1 to ${TEXT_LIMITS.recordId} characters`,
      recordId,
    );
  }
  const url = i.required('url');
  if (typeof url !== 'string') i.refuse('url', 'should be text', url);
  const openable = openableRecordUrl(url, site);
  if (url !== '' && openable === undefined) i.cut('url', 'link');
  i.dropUnknown();
  return { site, recordId, url: openable ?? '' };
}

function merge(r: FieldReader, value: unknown): ContactMerge {
  const m: FieldReader = r.inner('merges', value, 'should be a list of merges (key, value, at)');
  const key = m.oneOf('key', ['email', 'phone'] as const, true)!;
  const joined = m.text('value', key, true)!;
  const id = m.value('identity');
  if (id !== undefined && (typeof id !== 'string' || id.length > 2 * TEXT_LIMITS.recordId + 1)) {
    m.refuse('identity', 'should be a CRM record ("site:id") or left out', id);
  }
  const fields = defined({
    key,
    value: joined,
    identity: id,
    emails: m.texts('emails', 'emails', 'email', false),
    phones: m.texts('phones', 'phones', 'phone', false),
    name: m.text('name', 'name', false),
    at: m.date('at', true),
  });
  m.dropUnknown();
  return fields as unknown as ContactMerge;
}

function contact(r: FieldReader): Fields {
  const createdAt = r.date('createdAt', true)!;
  const identities = r.list('identities', 'identities', true, (v) => identity(r, v))!;
  // Derived from the identities, as every write keeps it: the file's copy is not trusted.
  r.value('identityKeys');
  let timeZone = r.value('timeZone');
  if (timeZone !== undefined) {
    if (typeof timeZone !== 'string')
      r.refuse('timeZone', 'should be text (or left out)', timeZone);
    if (timeZone.length > TEXT_LIMITS.timeZone || !isKnownTimeZone(timeZone)) {
      r.cut('timeZone', 'time-zone');
      timeZone = undefined;
    }
  }
  return defined({
    id: r.id('id', true),
    name: r.text('name', 'name', true),
    emails: r.texts('emails', 'emails', 'email', true),
    phones: r.texts('phones', 'phones', 'phone', true),
    company: r.text('company', 'name', false),
    title: r.text('title', 'name', false),
    timeZone,
    preferredChannel: r.oneOf('preferredChannel', CHANNELS, false),
    status: r.oneOf('status', CONTACT_STATUSES, false),
    identities,
    advancedAt: r.date('advancedAt', false),
    stage: r.text('stage', 'name', false),
    identityKeys: [...new Set(identities.map((i) => `${i.site}:${i.recordId}`))],
    merges: r.list('merges', 'merges', false, (v) => merge(r, v)),
    createdAt,
    updatedAt: inOrder(r, createdAt, r.date('updatedAt', true)!),
  });
}

function note(r: FieldReader): Fields {
  const createdAt = r.date('createdAt', true)!;
  return defined({
    id: r.id('id', true),
    contactId: r.id('contactId', true),
    kind: r.oneOf('kind', NOTE_KINDS, true),
    text: r.text('text', 'note', true),
    words: r.list('words', 'words', false, (w) => {
      if (typeof w !== 'string') r.refuse('words', 'should be a list of text (or left out)', w);
      // Search words are made again from the note's text on import: one no note could hold
      // is dropped.
      return w.length <= TEXT_LIMITS.note ? w : undefined;
    }),
    createdAt,
    updatedAt: inOrder(r, createdAt, r.date('updatedAt', true)!),
  });
}

function planSummary(r: FieldReader): Fields | undefined {
  const value = r.value('plan');
  if (value === undefined) return undefined;
  const p: FieldReader = r.inner('plan', value, 'should be a call plan summary (or left out)');
  const summary = defined({
    goal: p.text('goal', 'plan', false),
    reference: p.text('reference', 'plan', false),
    newValue: p.text('newValue', 'plan', false),
    ask: p.text('ask', 'plan', false),
    complete: p.boolean('complete'),
  });
  p.dropUnknown();
  return summary;
}

function statusBefore(r: FieldReader): Fields | undefined {
  const value = r.value('statusBefore');
  if (value === undefined) return undefined;
  const s: FieldReader = r.inner(
    'statusBefore',
    value,
    'should be a contact status and time (or left out)',
  );
  const before = {
    status: s.oneOf('status', CONTACT_STATUSES, true),
    updatedAt: s.date('updatedAt', true),
  };
  s.dropUnknown();
  return before;
}

function attempt(r: FieldReader): Fields {
  return defined({
    id: r.id('id', true),
    contactId: r.id('contactId', true),
    at: r.date('at', true),
    channel: r.oneOf('channel', CHANNELS, true),
    outcome: r.oneOf('outcome', OUTCOMES, true),
    voicemailSeconds: r.number('voicemailSeconds', 0, MAX_VOICEMAIL_SECONDS),
    agreedAt: r.date('agreedAt', false),
    promisedAt: r.date('promisedAt', false),
    plan: planSummary(r),
    note: r.text('note', 'note', false),
    didNotRemember: r.boolean('didNotRemember'),
    closedTaskIds: r.list('closedTaskIds', 'closedTaskIds', false, (id) => {
      if (!isRecordId(id))
        r.refuse('closedTaskIds', 'should be a list of record ids (or left out)', id);
      return id;
    }),
    statusBefore: statusBefore(r),
  });
}

function task(r: FieldReader): Fields {
  return defined({
    id: r.id('id', true),
    contactId: r.id('contactId', true),
    dueAt: r.date('dueAt', true),
    channel: r.oneOf('channel', CHANNELS, true),
    status: r.oneOf('status', TASK_STATUSES, true),
    reason: r.text('reason', 'reason', true),
    attemptId: r.id('attemptId', false),
    kind: r.oneOf('kind', TASK_KINDS, false),
    createdAt: r.date('createdAt', true),
  });
}

function plan(r: FieldReader): Fields {
  return defined({
    contactId: r.id('contactId', true),
    goal: r.text('goal', 'plan', true),
    referenceNoteId: r.id('referenceNoteId', false),
    reference: r.text('reference', 'plan', true),
    newValueKind: r.oneOf('newValueKind', SOMETHING_NEW_KINDS, false),
    newValue: r.text('newValue', 'plan', true),
    ask: r.text('ask', 'plan', true),
    opener: r.text('opener', 'plan', true),
    updatedAt: r.date('updatedAt', true),
  });
}

function settings(r: FieldReader): Fields {
  const timeZone = r.required('timeZone');
  if (
    typeof timeZone !== 'string' ||
    timeZone.length > TEXT_LIMITS.timeZone ||
    !isKnownTimeZone(timeZone)
  ) {
    r.refuse(
      'timeZone',
      'should be a time zone this browser knows, such as "Europe/Berlin" or "America/New_York"',
      timeZone,
    );
  }
  return {
    id: r.oneOf('id', ['rep'] as const, true),
    repName: r.text('repName', 'name', true),
    company: r.text('company', 'name', true),
    callbackNumber: r.text('callbackNumber', 'name', true),
    timeZone,
  };
}

const SHAPES: Record<RecordTable, (r: FieldReader) => Fields> = {
  contacts: contact,
  notes: note,
  attempts: attempt,
  tasks: task,
  plans: plan,
  settings,
};

/** How a problem names the record: its id, when it has one that reads as text. */
function nameOf(table: RecordTable, raw: Record<string, unknown>): string {
  const keyName = table === 'plans' ? 'contactId' : 'id';
  const key = Object.hasOwn(raw, keyName) ? raw[keyName] : undefined;
  return typeof key === 'string' && key ? ` (${JSON.stringify(key.slice(0, 100))})` : '';
}

/**
 * The one validated shape of a record of `table`: the copy that may be stored (known fields
 * only, strings and lists capped, links checked), what was cut, or why it cannot be stored —
 * the end of a sentence that begins 'Record 3 of "notes"' (it starts with its own space).
 */
export function cleanRecord(table: RecordTable, raw: unknown): CleanedRecord {
  if (!isObject(raw)) return { ok: false, problem: ` is ${shown(raw)}, not a record.` };
  const reader = new FieldReader(raw, table, nameOf(table, raw), []);
  try {
    const record = SHAPES[table](reader);
    reader.dropUnknown();
    return { ok: true, record, cuts: reader.cuts };
  } catch (error) {
    if (error instanceof RecordProblem) return { ok: false, problem: error.problem };
    throw error;
  }
}
