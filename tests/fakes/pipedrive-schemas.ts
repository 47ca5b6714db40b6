// Request bodies the Pipedrive fake accepts, as JSON schemas (ajv), from the API v2 reference:
//   https://developers.pipedrive.com/docs/api/v1/Activities (v2 section: POST/PATCH /api/v2/activities)
//   https://developers.pipedrive.com/docs/api/v1/Persons (v2 section: POST /api/v2/persons)
// Kept apart from pipedrive.ts so the fake's behaviour reads on its own.
import { Ajv, type ValidateFunction } from 'ajv';

export interface ParticipantInput {
  person_id: number;
  primary?: boolean;
}

export interface ActivityInput {
  subject?: string;
  type?: string;
  owner_id?: number;
  deal_id?: number | null;
  lead_id?: string | null;
  org_id?: number | null;
  project_id?: number | null;
  /** Read-only in v2 (set through a primary participant); the schema lets it through so the
   * fake can answer Pipedrive's own message for it. */
  person_id?: number;
  participants?: ParticipantInput[];
  due_date?: string | null;
  due_time?: string | null;
  duration?: string | null;
  busy?: boolean;
  done?: boolean;
  note?: string | null;
  public_description?: string | null;
  priority?: number | null;
  /** v2 puts custom field values under their 40-hex keys here. */
  custom_fields?: Record<string, string | number | null>;
}

export interface ValueLabel {
  value: string;
  primary?: boolean;
  label?: string;
}

export interface PersonInput {
  name: string;
  owner_id?: number;
  org_id?: number | null;
  emails?: ValueLabel[];
  phones?: ValueLabel[];
}

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const id = { type: 'integer', minimum: 1 };

const activitySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    subject: { type: 'string', minLength: 1 },
    type: { type: 'string', minLength: 1 },
    owner_id: id,
    deal_id: nullable(id),
    lead_id: nullable({ type: 'string', pattern: '^[0-9a-f-]{36}$' }),
    org_id: nullable(id),
    project_id: nullable(id),
    person_id: id,
    participants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['person_id'],
        additionalProperties: false,
        properties: { person_id: id, primary: { type: 'boolean' } },
      },
    },
    // The reference: due_date YYYY-MM-DD, due_time HH:MM (UTC), duration HH:MM.
    due_date: nullable({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    due_time: nullable({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    duration: nullable({ type: 'string', pattern: '^\\d{2}:[0-5]\\d$' }),
    busy: { type: 'boolean' },
    done: { type: 'boolean' },
    note: nullable({ type: 'string' }),
    public_description: nullable({ type: 'string' }),
    priority: nullable({ type: 'integer' }),
    custom_fields: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'null'] },
    },
  },
};

const valueLabel = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: {
      value: { type: 'string', minLength: 1 },
      primary: { type: 'boolean' },
      label: { type: 'string' },
    },
  },
};

const personSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    owner_id: id,
    org_id: nullable(id),
    emails: valueLabel,
    phones: valueLabel,
  },
};

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
export const validateActivity: ValidateFunction<ActivityInput> =
  ajv.compile<ActivityInput>(activitySchema);
export const validatePerson: ValidateFunction<PersonInput> = ajv.compile<PersonInput>(personSchema);
