// Contract fake of the HubSpot CRM API routes the connector uses, served under `/hubspot`.
// Written from HubSpot's public documentation, not from recorded traffic:
//   calls:        https://developers.hubspot.com/docs/api/crm/calls
//   tasks:        https://developers.hubspot.com/docs/api/crm/tasks
//   contacts:     https://developers.hubspot.com/docs/api/crm/contacts
//   search:       https://developers.hubspot.com/docs/api/crm/search
//   properties:   https://developers.hubspot.com/docs/api/crm/properties
//   dispositions: https://developers.hubspot.com/docs/api-reference/legacy/crm/activities/engagements/get-calling-v1-dispositions
//   errors:       https://developers.hubspot.com/docs/faq/api-error-responses
//   rate limits:  https://developers.hubspot.com/docs/api/usage-details
//                 https://developers.hubspot.com/changelog/rate-limit-headers-will-now-appear-for-oauth-authenticated-calls
// and the request/response models of HubSpot's official Node client (@hubspot/api-client),
// which tests/unit/fakes/hubspot-client-agrees.test.ts points at this fake.
// Where the docs say nothing (a unique custom value's 409 wording, Retry-After on 429, 5xx
// bodies), the choice is marked "Not documented" below.
import { randomUUID } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  RollingWindowLimiter,
  startFaultServer,
  type CrmFakeOptions,
  type FakeRequest,
  type FakeResponse,
  type FaultServer,
} from './fault-server';

export type ObjectType = 'calls' | 'tasks' | 'contacts';
const OBJECT_TYPES: readonly ObjectType[] = ['calls', 'tasks', 'contacts'];
/** HubSpot's object type ids, accepted wherever a name is. */
const OBJECT_TYPE_IDS: Record<string, ObjectType> = {
  '0-48': 'calls',
  '0-27': 'tasks',
  '0-1': 'contacts',
};

export interface StoredAssociation {
  toObjectType: ObjectType;
  toId: string;
  associationCategory: string;
  associationTypeId: number;
}

export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations: StoredAssociation[];
}

type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';

interface PropertyOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder: number;
  description?: string;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  readOnly: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Disposition {
  id: string;
  label: string;
}

/** HubSpot's default call outcomes, with the GUIDs the calls guide lists for them. */
export const DEFAULT_DISPOSITIONS: readonly Disposition[] = [
  { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy' },
  { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' },
  { id: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', label: 'Left live message' },
  { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail' },
  { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' },
  { id: '17b47fee-58de-441e-a44c-c6300d46f273', label: 'Wrong number' },
];

/** HUBSPOT_DEFINED association type ids (the associations guide's table), by direction. */
export const ASSOCIATION_TYPE_IDS = {
  callToContact: 194,
  contactToCall: 193,
  taskToContact: 204,
  contactToTask: 203,
} as const;
const ASSOCIATIONS: { from: ObjectType; to: ObjectType; typeId: number; label: string }[] = [
  { from: 'calls', to: 'contacts', typeId: 194, label: 'call_to_contact' },
  { from: 'contacts', to: 'calls', typeId: 193, label: 'contact_to_call' },
  { from: 'tasks', to: 'contacts', typeId: 204, label: 'task_to_contact' },
  { from: 'contacts', to: 'tasks', typeId: 203, label: 'contact_to_task' },
];

// HubSpot's documented window: 100 or more requests per 10 s per private app.
export interface HubSpotFakeOptions extends CrmFakeOptions {
  /** Private-app tokens the fake accepts; the first is `fake.token`. */
  tokens?: string[];
}

export interface HubSpotFake extends FaultServer {
  token: string;
  calls(): StoredObject[];
  tasks(): StoredObject[];
  contacts(): StoredObject[];
  /** Puts a contact straight into the store (no request, no rate limit); returns its id. */
  seedContact(properties: Record<string, string>): string;
  /** Adds a custom call outcome; returns its id. */
  addDisposition(label: string): string;
}

// ---------------------------------------------------------------------------------------------
// Request schemas, as the docs and the official client's models describe the bodies.

const propertyValues = {
  type: 'object',
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
};
const associationInput = {
  type: 'object',
  required: ['to', 'types'],
  additionalProperties: false,
  properties: {
    to: {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: { id: { type: ['string', 'number'] } },
    },
    types: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['associationCategory', 'associationTypeId'],
        additionalProperties: false,
        properties: {
          associationCategory: { enum: ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'] },
          associationTypeId: { type: 'integer' },
        },
      },
    },
  },
};
const createSchema = {
  type: 'object',
  required: ['properties'],
  additionalProperties: false,
  properties: {
    properties: propertyValues,
    associations: { type: 'array', items: associationInput },
    objectWriteTraceId: { type: 'string' },
  },
};
const updateSchema = {
  type: 'object',
  required: ['properties'],
  additionalProperties: false,
  properties: { properties: propertyValues, objectWriteTraceId: { type: 'string' } },
};
const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];
const scalar = { type: ['string', 'number', 'boolean'] };
const searchSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    query: { type: 'string' },
    limit: { type: 'integer', minimum: 0, maximum: 200 },
    after: { type: ['string', 'integer'] },
    sorts: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            required: ['propertyName'],
            additionalProperties: false,
            properties: {
              propertyName: { type: 'string' },
              direction: { enum: ['ASCENDING', 'DESCENDING'] },
            },
          },
        ],
      },
    },
    properties: { type: 'array', items: { type: 'string' } },
    // The search guide: up to five groups of up to six filters, eighteen in all.
    filterGroups: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        required: ['filters'],
        additionalProperties: false,
        properties: {
          filters: {
            type: 'array',
            maxItems: 6,
            items: {
              type: 'object',
              required: ['propertyName', 'operator'],
              additionalProperties: false,
              properties: {
                propertyName: { type: 'string', minLength: 1 },
                operator: { enum: OPERATORS },
                value: scalar,
                highValue: scalar,
                values: { type: 'array', items: scalar },
              },
            },
          },
        },
      },
    },
  },
};
const propertyCreateSchema = {
  type: 'object',
  required: ['name', 'label', 'type', 'fieldType', 'groupName'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 },
    label: { type: 'string', minLength: 1 },
    type: { enum: ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] },
    fieldType: {
      enum: [
        'textarea',
        'text',
        'date',
        'file',
        'number',
        'select',
        'radio',
        'checkbox',
        'booleancheckbox',
        'calculation_equation',
        'phonenumber',
        'html',
      ],
    },
    groupName: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    hasUniqueValue: { type: 'boolean' },
    hidden: { type: 'boolean' },
    formField: { type: 'boolean' },
    displayOrder: { type: 'integer' },
    referencedObjectType: { type: 'string' },
    calculationFormula: { type: 'string' },
    externalOptions: { type: 'boolean' },
    options: {
      type: 'array',
      items: {
        type: 'object',
        required: ['label', 'value'],
        additionalProperties: false,
        properties: {
          label: { type: 'string' },
          value: { type: 'string' },
          hidden: { type: 'boolean' },
          displayOrder: { type: 'integer' },
          description: { type: 'string' },
        },
      },
    },
  },
};

type PropertyValue = string | number | boolean | null;
interface AssociationInput {
  to: { id: string | number };
  types: { associationCategory: string; associationTypeId: number }[];
}
interface CreateInput {
  properties: Record<string, PropertyValue>;
  associations?: AssociationInput[];
}
interface UpdateInput {
  properties: Record<string, PropertyValue>;
}
type Scalar = string | number | boolean;
interface FilterInput {
  propertyName: string;
  operator: Operator;
  value?: Scalar;
  highValue?: Scalar;
  values?: Scalar[];
}
interface SearchInput {
  query?: string;
  limit?: number;
  after?: string | number;
  sorts?: (string | { propertyName: string; direction?: 'ASCENDING' | 'DESCENDING' })[];
  properties?: string[];
  filterGroups?: { filters: FilterInput[] }[];
}
interface PropertyCreateInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description?: string;
  hasUniqueValue?: boolean;
  options?: { label: string; value: string; hidden?: boolean; displayOrder?: number }[];
}

// Union types (a value may be a string or a number) are what the API accepts.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
const validateCreate: ValidateFunction<CreateInput> = ajv.compile<CreateInput>(createSchema);
const validateUpdate: ValidateFunction<UpdateInput> = ajv.compile<UpdateInput>(updateSchema);
const validateSearch: ValidateFunction<SearchInput> = ajv.compile<SearchInput>(searchSchema);
const validatePropertyCreate: ValidateFunction<PropertyCreateInput> =
  ajv.compile<PropertyCreateInput>(propertyCreateSchema);

// ---------------------------------------------------------------------------------------------
// HubSpot's answers.

const JSON_TYPE = 'application/json;charset=utf-8';

/** The documented error shape: status, message, correlationId, category (+ errors, context). */
function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): FakeResponse {
  const correlationId = randomUUID();
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'x-hubspot-correlation-id': correlationId },
    body: { status: 'error', message, correlationId, category, ...extra },
  };
}

function schemaError(errors: ErrorObject[] | null | undefined): FakeResponse {
  const details = (errors ?? []).map((error) => ({
    message: `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
    in: error.instancePath || 'body',
  }));
  return hubspotError(
    400,
    'VALIDATION_ERROR',
    `Invalid input JSON: ${details.map((detail) => detail.message).join('; ')}`,
    { errors: details },
  );
}

const notFound = (message = 'Object not found.  objectId are usually numeric.') =>
  hubspotError(404, 'OBJECT_NOT_FOUND', message);

interface PropertyProblem {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

/** HubSpot's invalid-property answer: the problems as JSON inside the message, and as errors. */
function propertyError(problems: PropertyProblem[]): FakeResponse {
  return hubspotError(
    400,
    'VALIDATION_ERROR',
    `Property values were not valid: ${JSON.stringify(problems)}`,
    {
      errors: problems.map((problem) => ({
        message: problem.message,
        code: problem.error,
        context: { propertyName: [problem.name] },
      })),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The built-in properties the connector touches, per object (names from the guides).

const CALL_STATUSES = [
  'BUSY',
  'CALLING_CRM_USER',
  'CANCELED',
  'COMPLETED',
  'CONNECTING',
  'FAILED',
  'IN_PROGRESS',
  'MISSED',
  'NO_ANSWER',
  'QUEUED',
  'RINGING',
];
const BUILT_IN: Record<ObjectType, [string, PropertyType, string[]?][]> = {
  calls: [
    ['hs_timestamp', 'datetime'],
    ['hs_call_title', 'string'],
    ['hs_call_body', 'string'],
    ['hs_call_direction', 'enumeration', ['INBOUND', 'OUTBOUND']],
    ['hs_call_disposition', 'string'],
    ['hs_call_status', 'enumeration', CALL_STATUSES],
    ['hs_call_duration', 'number'],
    ['hs_call_from_number', 'string'],
    ['hs_call_to_number', 'string'],
    ['hs_call_recording_url', 'string'],
    ['hs_call_callee_object_id', 'number'],
    ['hs_call_callee_object_type', 'enumeration', ['CONTACT', 'COMPANY']],
    ['hs_call_source', 'string'],
    ['hubspot_owner_id', 'string'],
    ['hs_activity_type', 'string'],
    ['hs_attachment_ids', 'string'],
  ],
  tasks: [
    ['hs_timestamp', 'datetime'],
    ['hs_task_subject', 'string'],
    ['hs_task_body', 'string'],
    [
      'hs_task_status',
      'enumeration',
      ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
    ],
    ['hs_task_priority', 'enumeration', ['NONE', 'LOW', 'MEDIUM', 'HIGH']],
    ['hs_task_type', 'enumeration', ['CALL', 'EMAIL', 'LINKED_IN', 'MEETING', 'TODO']],
    ['hs_task_reminders', 'string'],
    ['hubspot_owner_id', 'string'],
  ],
  contacts: [
    ['email', 'string'],
    ['firstname', 'string'],
    ['lastname', 'string'],
    ['phone', 'string'],
    ['mobilephone', 'string'],
    ['company', 'string'],
    ['jobtitle', 'string'],
    ['website', 'string'],
    ['hubspot_owner_id', 'string'],
  ],
};
/** Set by HubSpot itself; a write to them is refused. */
const READ_ONLY: Record<ObjectType, string[]> = {
  calls: ['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate'],
  tasks: ['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate'],
  contacts: ['hs_object_id', 'createdate', 'lastmodifieddate'],
};
/** What a read returns when it names no properties (as the API does). */
const DEFAULT_READ: Record<ObjectType, string[]> = {
  calls: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
};
const OBJECT_NAME: Record<ObjectType, string> = {
  calls: 'Call',
  tasks: 'Task',
  contacts: 'Contact',
};

function builtInDefinitions(objectType: ObjectType, at: string): Map<string, PropertyDefinition> {
  const definitions = new Map<string, PropertyDefinition>();
  const add = (name: string, type: PropertyType, values: string[] = [], readOnly = false) =>
    definitions.set(name, {
      name,
      label: name,
      type,
      fieldType: type === 'enumeration' ? 'select' : type === 'number' ? 'number' : 'text',
      groupName: objectType === 'contacts' ? 'contactinformation' : 'engagement',
      description: '',
      options: values.map((value, index) => ({
        label: value,
        value,
        hidden: false,
        displayOrder: index,
      })),
      // HubSpot keeps a contact's email unique: a second create is a 409.
      hasUniqueValue: objectType === 'contacts' && name === 'email',
      hubspotDefined: true,
      readOnly,
      createdAt: at,
      updatedAt: at,
    });
  for (const [name, type, values] of BUILT_IN[objectType]) add(name, type, values);
  for (const name of READ_ONLY[objectType]) {
    add(name, name === 'hs_object_id' ? 'number' : 'datetime', [], true);
  }
  return definitions;
}

function propertyJson(definition: PropertyDefinition) {
  return {
    name: definition.name,
    label: definition.label,
    type: definition.type,
    fieldType: definition.fieldType,
    groupName: definition.groupName,
    description: definition.description,
    options: definition.options,
    displayOrder: -1,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: definition.hasUniqueValue,
    hidden: false,
    hubspotDefined: definition.hubspotDefined,
    formField: false,
    archived: false,
    createdAt: definition.createdAt,
    updatedAt: definition.updatedAt,
    modificationMetadata: {
      archivable: !definition.hubspotDefined,
      readOnlyDefinition: definition.hubspotDefined,
      readOnlyValue: definition.readOnly,
    },
  };
}

// ---------------------------------------------------------------------------------------------

export async function startHubSpotFake(options: HubSpotFakeOptions = {}): Promise<HubSpotFake> {
  const tokens = options.tokens ?? ['fake-hubspot-token'];
  const token = tokens[0];
  if (token === undefined) throw new Error('the HubSpot fake needs at least one token');
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const rate = options.rateLimit ?? { max: 100, intervalMs: 10_000 };
  const limiter = new RollingWindowLimiter(rate.max, rate.intervalMs, now);

  // HubSpot ids are numeric strings; one counter keeps them unique across objects.
  let lastId = 51_000_000_000;
  const nextId = () => String(++lastId);
  const store: Record<ObjectType, Map<string, StoredObject>> = {
    calls: new Map(),
    tasks: new Map(),
    contacts: new Map(),
  };
  const startedAt = iso();
  const definitions: Record<ObjectType, Map<string, PropertyDefinition>> = {
    calls: builtInDefinitions('calls', startedAt),
    tasks: builtInDefinitions('tasks', startedAt),
    contacts: builtInDefinitions('contacts', startedAt),
  };
  const dispositions: Disposition[] = [...DEFAULT_DISPOSITIONS];

  const live = (objectType: ObjectType) =>
    [...store[objectType].values()].filter((object) => !object.archived);

  /** Checks and normalises written values the way HubSpot's property types do. */
  function checkValues(
    objectType: ObjectType,
    values: Record<string, PropertyValue>,
  ): { problems: PropertyProblem[]; clean: Record<string, string | null> } {
    const problems: PropertyProblem[] = [];
    const clean: Record<string, string | null> = {};
    for (const [name, raw] of Object.entries(values)) {
      const definition = definitions[objectType].get(name);
      const problem = (error: string, message: string) =>
        problems.push({ isValid: false, message, error, name });
      if (!definition) {
        problem('PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
        continue;
      }
      if (definition.readOnly) {
        problem('READ_ONLY_VALUE', `"${name}" is a read only property; its value cannot be set.`);
        continue;
      }
      // An empty value clears the property, as in HubSpot.
      if (raw === null || raw === '') {
        clean[name] = null;
        continue;
      }
      const text = String(raw);
      switch (definition.type) {
        case 'datetime':
        case 'date': {
          const at = /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
          if (Number.isNaN(at.getTime())) {
            problem('INVALID_DATE', `${text} is not a valid datetime for ${name}`);
          } else clean[name] = at.toISOString();
          break;
        }
        case 'number':
          if (!Number.isFinite(Number(text)) || text.trim() === '') {
            problem('INVALID_INTEGER', `${text} was not a valid number.`);
          } else clean[name] = text;
          break;
        case 'bool':
          if (text !== 'true' && text !== 'false') {
            problem('INVALID_BOOLEAN', `${text} was not a valid boolean.`);
          } else clean[name] = text;
          break;
        case 'enumeration':
          if (!definition.options.some((option) => option.value === text)) {
            problem(
              'INVALID_OPTION',
              `${text} was not one of the allowed options: ${definition.options.map((option) => option.value).join(', ')}`,
            );
          } else clean[name] = text;
          break;
        default:
          // The fake checks an outcome against the account's outcomes, so a connector that
          // sends a label (or a stale id) learns it here rather than in a rep's timeline.
          if (name === 'hs_call_disposition' && !dispositions.some((d) => d.id === text)) {
            problem('INVALID_OPTION', `${text} is not a call outcome of this account.`);
          } else clean[name] = name === 'email' ? text.toLowerCase() : text;
      }
    }
    return { problems, clean };
  }

  /** The live object of this type already holding a unique value `values` would set. */
  function uniqueClash(
    objectType: ObjectType,
    values: Record<string, string | null>,
    exceptId?: string,
  ): StoredObject | undefined {
    for (const [name, value] of Object.entries(values)) {
      if (value === null || !definitions[objectType].get(name)?.hasUniqueValue) continue;
      const holder = live(objectType).find(
        (object) => object.id !== exceptId && object.properties[name] === value,
      );
      if (holder) return holder;
    }
    return undefined;
  }

  function conflict(objectType: ObjectType, holder: StoredObject): FakeResponse {
    // Documented for contacts ("Contact already exists. Existing ID: …", CONFLICT). Not
    // documented for a unique custom value: the fake answers the same way for every object.
    return hubspotError(
      409,
      'CONFLICT',
      `${OBJECT_NAME[objectType]} already exists. Existing ID: ${holder.id}`,
    );
  }

  function applyValues(object: StoredObject, values: Record<string, string | null>) {
    for (const [name, value] of Object.entries(values)) {
      if (value === null) delete object.properties[name];
      else object.properties[name] = value;
    }
  }

  /** A new object with checked values, stored as a create would store it. */
  function storeNew(
    objectType: ObjectType,
    values: Parameters<typeof applyValues>[1],
    associations: StoredAssociation[],
  ): StoredObject {
    const at = iso();
    const object: StoredObject = {
      id: nextId(),
      properties: {},
      createdAt: at,
      updatedAt: at,
      archived: false,
      associations,
    };
    applyValues(object, values);
    stamp(objectType, object);
    store[objectType].set(object.id, object);
    return object;
  }

  function stamp(objectType: ObjectType, object: StoredObject) {
    object.properties.hs_object_id = object.id;
    if (objectType === 'contacts') {
      object.properties.createdate = object.createdAt;
      object.properties.lastmodifieddate = object.updatedAt;
    } else {
      object.properties.hs_createdate = object.createdAt;
      object.properties.hs_lastmodifieddate = object.updatedAt;
    }
  }

  /** The properties a read returns: the defaults, or those asked for (null when unset). */
  function readProperties(objectType: ObjectType, object: StoredObject, asked: string[]) {
    const names = asked.length > 0 ? asked : DEFAULT_READ[objectType];
    const properties: Record<string, string | null> = {};
    for (const name of names) properties[name] = object.properties[name] ?? null;
    return properties;
  }

  function objectJson(objectType: ObjectType, object: StoredObject, asked: string[] | 'all') {
    return {
      id: object.id,
      properties:
        asked === 'all' ? { ...object.properties } : readProperties(objectType, object, asked),
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
      archived: object.archived,
      ...(object.archivedAt ? { archivedAt: object.archivedAt } : {}),
    };
  }

  /** Associations of `object` towards `toType`, stored on either side. */
  function associatedIds(objectType: ObjectType, object: StoredObject, toType: ObjectType) {
    const label = ASSOCIATIONS.find((a) => a.from === objectType && a.to === toType)?.label;
    const ids = new Set<string>();
    for (const association of object.associations) {
      if (association.toObjectType === toType) ids.add(association.toId);
    }
    for (const other of live(toType)) {
      if (other.associations.some((a) => a.toObjectType === objectType && a.toId === object.id)) {
        ids.add(other.id);
      }
    }
    return { results: [...ids].map((id) => ({ id, type: label ?? `${objectType}_to_${toType}` })) };
  }

  function listParam(query: URLSearchParams, name: string): string[] {
    return query
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
  }

  function parseBody(
    request: FakeRequest,
  ): { ok: true; value: unknown } | { ok: false; response: FakeResponse } {
    try {
      return { ok: true, value: JSON.parse(request.bodyText || 'null') as unknown };
    } catch (error) {
      return {
        ok: false,
        response: hubspotError(400, 'VALIDATION_ERROR', `Invalid input JSON: ${String(error)}`),
      };
    }
  }

  function create(objectType: ObjectType, input: CreateInput): FakeResponse {
    const { problems, clean } = checkValues(objectType, input.properties);
    if (problems.length > 0) return propertyError(problems);
    if (objectType !== 'contacts' && !clean.hs_timestamp) {
      // The calls and tasks guides: hs_timestamp is required.
      return propertyError([
        {
          isValid: false,
          message: 'hs_timestamp is required',
          error: 'REQUIRED_PROPERTY',
          name: 'hs_timestamp',
        },
      ]);
    }
    const holder = uniqueClash(objectType, clean);
    if (holder) return conflict(objectType, holder);
    const associations: StoredAssociation[] = [];
    for (const association of input.associations ?? []) {
      for (const type of association.types) {
        const known = ASSOCIATIONS.find(
          (a) => a.from === objectType && a.typeId === type.associationTypeId,
        );
        const toId = String(association.to.id);
        if (!known || type.associationCategory !== 'HUBSPOT_DEFINED') {
          return hubspotError(
            400,
            'VALIDATION_ERROR',
            `${type.associationCategory} association type ${type.associationTypeId} is not valid from ${objectType}.`,
          );
        }
        const target = store[known.to].get(toId);
        if (!target || target.archived) {
          return hubspotError(
            400,
            'VALIDATION_ERROR',
            `No ${known.to} with ID ${toId} to associate with.`,
          );
        }
        associations.push({
          toObjectType: known.to,
          toId,
          associationCategory: type.associationCategory,
          associationTypeId: type.associationTypeId,
        });
      }
    }
    const object = storeNew(objectType, clean, associations);
    return { status: 201, body: objectJson(objectType, object, 'all') };
  }

  /** The object a path id names: its id, or a unique property's value with `idProperty`. */
  function find(
    objectType: ObjectType,
    id: string,
    query: URLSearchParams,
  ): StoredObject | undefined {
    const idProperty = query.get('idProperty');
    const archived = query.get('archived') === 'true';
    const candidates = [...store[objectType].values()].filter(
      (object) => object.archived === archived,
    );
    if (idProperty) return candidates.find((object) => object.properties[idProperty] === id);
    return candidates.find((object) => object.id === id);
  }

  function search(objectType: ObjectType, input: SearchInput): FakeResponse {
    const groups = input.filterGroups ?? [];
    const filterCount = groups.reduce((sum, group) => sum + group.filters.length, 0);
    if (filterCount > 18)
      return hubspotError(400, 'VALIDATION_ERROR', 'Too many filters: at most 18.');
    const matches = (object: StoredObject, filter: FilterInput): boolean => {
      const value = object.properties[filter.propertyName];
      const wanted = filter.value === undefined ? undefined : String(filter.value);
      const same = (a: string | undefined, b: string | undefined) =>
        a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
      switch (filter.operator) {
        case 'EQ':
          return same(value, wanted);
        case 'NEQ':
          return !same(value, wanted);
        case 'IN':
          return (filter.values ?? []).some((v) => same(value, String(v)));
        case 'NOT_IN':
          return !(filter.values ?? []).some((v) => same(value, String(v)));
        case 'HAS_PROPERTY':
          return value !== undefined;
        case 'NOT_HAS_PROPERTY':
          return value === undefined;
        case 'LT':
          return compare(value, wanted) < 0;
        case 'LTE':
          return compare(value, wanted) <= 0;
        case 'GT':
          return compare(value, wanted) > 0;
        case 'GTE':
          return compare(value, wanted) >= 0;
        case 'BETWEEN':
          return compare(value, wanted) >= 0 && compare(value, String(filter.highValue)) <= 0;
        case 'CONTAINS_TOKEN':
          return (
            value !== undefined &&
            wanted !== undefined &&
            value.toLowerCase().includes(wanted.toLowerCase().replaceAll('*', ''))
          );
        case 'NOT_CONTAINS_TOKEN':
          return !(
            value !== undefined &&
            wanted !== undefined &&
            value.toLowerCase().includes(wanted.toLowerCase())
          );
      }
    };
    // Compares as numbers (timestamps, durations) when both sides are; else as text.
    function compare(a: string | undefined, b: string | undefined): number {
      if (a === undefined || b === undefined) return NaN;
      const asTime = (text: string) => (/^\d+$/.test(text) ? Number(text) : Date.parse(text));
      const [x, y] = [asTime(a), asTime(b)];
      if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
      return a.localeCompare(b);
    }
    const query = input.query?.toLowerCase();
    let results = live(objectType).filter(
      (object) =>
        (groups.length === 0 ||
          groups.some((group) => group.filters.every((f) => matches(object, f)))) &&
        (query === undefined ||
          Object.values(object.properties).some((v) => v.toLowerCase().includes(query))),
    );
    const sort = input.sorts?.[0];
    if (sort !== undefined) {
      const [name, descending] =
        typeof sort === 'string'
          ? [sort.replace(/^-/, ''), sort.startsWith('-')]
          : [sort.propertyName, sort.direction === 'DESCENDING'];
      results = results.sort((a, b) => {
        const order = compare(a.properties[name], b.properties[name]) || 0;
        return descending ? -order : order;
      });
    }
    const offset = Number(input.after ?? 0) || 0;
    const limit = input.limit ?? 10;
    const page = results.slice(offset, offset + limit);
    const asked = input.properties ?? [];
    return {
      status: 200,
      body: {
        total: results.length,
        results: page.map((object) => objectJson(objectType, object, asked)),
        ...(offset + limit < results.length
          ? { paging: { next: { after: String(offset + limit) } } }
          : {}),
      },
    };
  }

  function objectRoutes(
    request: FakeRequest,
    objectType: ObjectType,
    rest: string[],
  ): FakeResponse {
    const [id, extra] = rest;
    if (id === undefined) {
      if (request.method !== 'POST')
        return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateCreate(body.value)) return schemaError(validateCreate.errors);
      return create(objectType, body.value);
    }
    if (extra !== undefined) return notFound('resource not found');
    if (id === 'search') {
      if (request.method !== 'POST')
        return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateSearch(body.value)) return schemaError(validateSearch.errors);
      return search(objectType, body.value);
    }
    const object = find(objectType, id, request.query);
    switch (request.method) {
      case 'GET': {
        if (!object) return notFound();
        const toTypes = listParam(request.query, 'associations')
          .map((name) => OBJECT_TYPE_IDS[name] ?? name)
          .filter((name): name is ObjectType => OBJECT_TYPES.includes(name as ObjectType));
        const associations = Object.fromEntries(
          toTypes.map((toType) => [toType, associatedIds(objectType, object, toType)]),
        );
        return {
          status: 200,
          body: {
            ...objectJson(objectType, object, listParam(request.query, 'properties')),
            ...(toTypes.length > 0 ? { associations } : {}),
          },
        };
      }
      case 'PATCH': {
        if (!object) return notFound();
        const body = parseBody(request);
        if (!body.ok) return body.response;
        if (!validateUpdate(body.value)) return schemaError(validateUpdate.errors);
        const { problems, clean } = checkValues(objectType, body.value.properties);
        if (problems.length > 0) return propertyError(problems);
        const holder = uniqueClash(objectType, clean, object.id);
        if (holder) return conflict(objectType, holder);
        applyValues(object, clean);
        object.updatedAt = iso();
        stamp(objectType, object);
        return { status: 200, body: objectJson(objectType, object, 'all') };
      }
      case 'DELETE':
        // Archiving is idempotent: an id already gone (or never there) still answers 204.
        if (object) {
          object.archived = true;
          object.archivedAt = iso();
        }
        return { status: 204 };
      default:
        return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
    }
  }

  function propertyRoutes(
    request: FakeRequest,
    objectType: ObjectType,
    name: string | undefined,
  ): FakeResponse {
    if (name !== undefined) {
      if (request.method !== 'GET')
        return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
      const definition = definitions[objectType].get(name);
      if (!definition) {
        return notFound(`Unable to find property ${name} on object type ${objectType}`);
      }
      return { status: 200, body: propertyJson(definition) };
    }
    if (request.method !== 'POST')
      return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
    const body = parseBody(request);
    if (!body.ok) return body.response;
    if (!validatePropertyCreate(body.value)) return schemaError(validatePropertyCreate.errors);
    const input = body.value;
    if (definitions[objectType].has(input.name)) {
      return hubspotError(
        409,
        'OBJECT_ALREADY_EXISTS',
        `Property named '${input.name}' already exists.`,
      );
    }
    if (input.type === 'enumeration' && (input.options ?? []).length === 0) {
      return hubspotError(400, 'VALIDATION_ERROR', 'An enumeration property needs options.');
    }
    const at = iso();
    const definition: PropertyDefinition = {
      name: input.name,
      label: input.label,
      type: input.type,
      fieldType: input.fieldType,
      groupName: input.groupName,
      description: input.description ?? '',
      options: (input.options ?? []).map((option, index) => ({
        label: option.label,
        value: option.value,
        hidden: option.hidden ?? false,
        displayOrder: option.displayOrder ?? index,
      })),
      hasUniqueValue: input.hasUniqueValue ?? false,
      hubspotDefined: false,
      readOnly: false,
      createdAt: at,
      updatedAt: at,
    };
    definitions[objectType].set(definition.name, definition);
    return { status: 201, body: propertyJson(definition) };
  }

  function route(request: FakeRequest): FakeResponse {
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [first, second, third, fourth, ...rest] = parts;
    if (
      first === 'calling' &&
      second === 'v1' &&
      third === 'dispositions' &&
      fourth === undefined
    ) {
      if (request.method !== 'GET')
        return hubspotError(405, 'VALIDATION_ERROR', 'Method not allowed.');
      return { status: 200, body: dispositions.map((d) => ({ ...d })) };
    }
    if (first !== 'crm' || second !== 'v3' || fourth === undefined)
      return notFound('resource not found');
    const objectType = OBJECT_TYPE_IDS[fourth] ?? fourth;
    if (!OBJECT_TYPES.includes(objectType as ObjectType)) {
      return hubspotError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${fourth}`);
    }
    if (third === 'objects') return objectRoutes(request, objectType as ObjectType, rest);
    if (third === 'properties' && rest.length <= 1) {
      return propertyRoutes(request, objectType as ObjectType, rest[0]);
    }
    return notFound('resource not found');
  }

  const rateHeaders = (remaining: number) => ({
    'x-hubspot-ratelimit-max': String(rate.max),
    'x-hubspot-ratelimit-remaining': String(remaining),
    'x-hubspot-ratelimit-interval-milliseconds': String(rate.intervalMs),
  });

  function rateLimited(remaining: number, retryAfterMs: number): FakeResponse {
    const response = hubspotError(
      429,
      'RATE_LIMITS',
      'You have reached your ten_secondly_rolling limit.',
      {
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    );
    return {
      ...response,
      headers: {
        ...response.headers,
        ...rateHeaders(remaining),
        // Not documented by HubSpot for every 429; sent so a connector can honour it.
        'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
      },
    };
  }

  const unauthorized = () =>
    hubspotError(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    );

  const server = await startFaultServer({
    prefix: '/hubspot',
    handle: (request) => {
      const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
      const presented = match?.[1];
      if (presented === undefined || !tokens.includes(presented)) return unauthorized();
      const window = limiter.hit(presented);
      if (!window.allowed) return rateLimited(window.remaining, window.retryAfterMs);
      const response = route(request);
      return {
        ...response,
        headers: { ...response.headers, ...rateHeaders(window.remaining) },
      };
    },
    faultResponse: (status) => {
      if (status === 429) return rateLimited(0, rate.intervalMs);
      if (status === 401) return unauthorized();
      if (status === 500) {
        // Not documented in detail: HubSpot's own 500s come in its error shape.
        return hubspotError(500, 'INTERNAL_ERROR', 'internal error');
      }
      if (status >= 502 && status <= 504) {
        // The guide names 502/504 as timeouts; those come from the edge, not as JSON, so a
        // connector must not assume an error body parses.
        return {
          status,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>${status}</h1>The server did not answer in time.</body></html>`,
        };
      }
      return hubspotError(status, 'ERROR', `Forced status ${status}`);
    },
  });

  const copy = (objects: StoredObject[]) => objects.map((object) => structuredClone(object));

  return {
    origin: server.origin,
    baseUrl: server.baseUrl,
    token,
    faults: server.faults,
    requests: server.requests,
    calls: () => copy(live('calls')),
    tasks: () => copy(live('tasks')),
    contacts: () => copy(live('contacts')),
    seedContact: (properties) => {
      const { problems, clean } = checkValues('contacts', properties);
      if (problems.length > 0) throw new Error(`seedContact: ${JSON.stringify(problems)}`);
      return storeNew('contacts', clean, []).id;
    },
    addDisposition: (label) => {
      const id = randomUUID();
      dispositions.push({ id, label });
      return id;
    },
    stop: server.stop,
  };
}
