// Request bodies the Close fake accepts, as JSON schemas (ajv), from the API reference:
//   calls: https://developer.close.com/api/resources/activities/calls/create
//   tasks: https://developer.close.com/resources/tasks
// Kept apart from close.ts so the fake's behaviour reads on its own.
import { Ajv, type ValidateFunction } from 'ajv';

/** The dispositions the Calls page lists. */
export const DISPOSITIONS = [
  'answered',
  'no-answer',
  'vm-answer',
  'vm-left',
  'busy',
  'blocked',
  'error',
  'abandoned',
] as const;

export interface CallInput {
  lead_id?: string;
  contact_id?: string | null;
  user_id?: string;
  direction?: 'inbound' | 'outbound';
  status?: string;
  duration?: number;
  note?: string;
  note_html?: string;
  phone?: string;
  disposition?: (typeof DISPOSITIONS)[number];
  recording_url?: string | null;
  activity_at?: string;
}

export interface TaskInput {
  lead_id?: string;
  contact_id?: string | null;
  assigned_to?: string;
  text?: string;
  date?: string;
  is_complete?: boolean;
}

const closeId = (prefix: string) => ({ type: 'string', pattern: `^${prefix}_[A-Za-z0-9]+$` });
const isoDateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
};

const callSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lead_id: closeId('lead'),
    contact_id: { anyOf: [closeId('cont'), { type: 'null' }] },
    user_id: closeId('user'),
    direction: { enum: ['inbound', 'outbound'] },
    // Not documented as a list on the Calls page ("status: defaults to completed"); these are
    // the values Close's call objects show.
    status: { enum: ['completed', 'in-progress', 'created', 'scheduled'] },
    duration: { type: 'integer', minimum: 0 },
    note: { type: 'string' },
    note_html: { type: 'string' },
    phone: { type: 'string', minLength: 1 },
    disposition: { enum: DISPOSITIONS },
    // The docs: "we require the URL to be secure (i.e. starting with https://)".
    recording_url: { anyOf: [{ type: 'string', pattern: '^https://' }, { type: 'null' }] },
    activity_at: isoDateTime,
  },
};

const taskSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lead_id: closeId('lead'),
    contact_id: { anyOf: [closeId('cont'), { type: 'null' }] },
    assigned_to: closeId('user'),
    text: { type: 'string', minLength: 1 },
    // A date (all-day task) or a date and time.
    date: isoDateTime,
    is_complete: { type: 'boolean' },
  },
};

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
export const validateCall: ValidateFunction<CallInput> = ajv.compile<CallInput>(callSchema);
export const validateTask: ValidateFunction<TaskInput> = ajv.compile<TaskInput>(taskSchema);
