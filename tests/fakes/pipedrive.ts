// Contract fake of the Pipedrive API routes the connector uses, served under `/pipedrive` (a
// connector replaces `https://<company>.pipedrive.com` with `<origin>/pipedrive`).
// Written from Pipedrive's public documentation, not from recorded traffic:
//   activities v2:   https://developers.pipedrive.com/docs/api/v1/Activities (v2 endpoints)
//   v1 deprecation:  https://developers.pipedrive.com/changelog/post/deprecation-of-selected-api-v1-endpoints
//   v2 overview:     https://pipedrive.readme.io/docs/pipedrive-api-v2
//   activity types:  https://developers.pipedrive.com/docs/api/v1/ActivityTypes
//   activity fields: https://developers.pipedrive.com/docs/api/v1/ActivityFields
//   persons (v2):    https://developers.pipedrive.com/docs/api/v1/Persons (search, get, add)
//   add activity:    https://developers.pipedrive.com/tutorials/add-activity-pipedrive-api
//   rate limits:     https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting
//   status codes:    https://pipedrive.readme.io/docs/marketplace-oauth-and-api-proxy-status-codes
//
// Which version: the v1 activity and person routes were deprecated (effective Jan 1st 2026) in
// favour of /api/v2, so activities and persons are served as v2 only; the deprecated v1 paths
// answer 410 ("Old resource permanently unavailable", the status-code table). Activity types and
// activity fields have no v2 replacement listed, so they stay /v1 (as /api/v1 and /v1).
//
// Idempotency key: an activity custom field (40-hex key, created by an admin in the UI: the
// v1 ActivityFields API lists fields but documents no create) set through `custom_fields`.
// Pipedrive's search (itemSearch) does not cover activities, so the connector reads the activity
// back by the id it stored, and compares the key; nothing here searches by it.
import { randomBytes } from 'node:crypto';
import type { ErrorObject } from 'ajv';
import {
  RollingWindowLimiter,
  startFaultServer,
  type CrmFakeOptions,
  type FakeRequest,
  type FakeResponse,
  type FaultServer,
} from './fault-server';
import {
  validateActivity,
  validatePerson,
  type ActivityInput,
  type PersonInput,
  type ValueLabel,
} from './pipedrive-schemas';

export interface PipedriveParticipant {
  person_id: number;
  primary_flag: boolean;
}

export interface PipedriveActivity {
  id: number;
  subject: string;
  type: string;
  owner_id: number;
  creator_user_id: number;
  is_deleted: boolean;
  add_time: string;
  update_time: string;
  deal_id: number | null;
  lead_id: string | null;
  person_id: number | null;
  org_id: number | null;
  project_id: number | null;
  due_date: string | null;
  due_time: string | null;
  duration: string | null;
  busy: boolean;
  done: boolean;
  marked_as_done_time: string | null;
  note: string | null;
  public_description: string | null;
  priority: number | null;
  participants: PipedriveParticipant[];
  custom_fields: Record<string, string | number | null>;
}

interface StoredValue {
  value: string;
  primary: boolean;
  label: string;
}

export interface PipedrivePerson {
  id: number;
  name: string;
  owner_id: number;
  org_id: number | null;
  emails: StoredValue[];
  phones: StoredValue[];
  add_time: string;
  update_time: string;
  is_deleted: boolean;
}

export interface ActivityField {
  id: number;
  key: string;
  name: string;
  field_type: string;
  edit_flag: boolean;
  active_flag: boolean;
}

// Pipedrive's documented window for api_token: 20 to 120 requests per 2 s, by plan.
export interface PipedriveFakeOptions extends CrmFakeOptions {
  /** API tokens the fake accepts; the first is `fake.token`. */
  tokens?: string[];
}

/** Its `baseUrl` (`<origin>/pipedrive`) stands for `https://<company>.pipedrive.com`. */
export interface PipedriveFake extends FaultServer {
  token: string;
  /** The user the token belongs to: the default owner of what it creates. */
  userId: number;
  activities(): PipedriveActivity[];
  persons(): PipedrivePerson[];
  /** Puts a person straight into the store (no request, no rate limit); returns its id. */
  seedPerson(person: { name: string; emails?: string[]; phones?: string[] }): number;
  /** Adds an activity custom field, as an admin would in the UI; returns its key. */
  addActivityField(name: string): string;
}

// ---------------------------------------------------------------------------------------------
// Pipedrive's answers.

const JSON_TYPE = 'application/json';
const MORE_INFO = 'Please check developers.pipedrive.com for more information about Pipedrive API.';

/** The v1 error envelope (v1 routes, auth, limits): success false, error, error_info, errorCode. */
function v1Fail(status: number, error: string): FakeResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE },
    body: { success: false, error, error_info: MORE_INFO, errorCode: status },
  };
}

/**
 * The v2 error body. Not in the reference pages read; the shape `{ success: false, error, code }`
 * with code `ERR_BAD_REQUEST` is what Pipedrive's own staff show on the developer community
 * (devcommunity.pipedrive.com/t/api-v1-to-v2-upgrade-post-activities-http-400-responses/19734).
 */
function v2Error(status: number, error: string, code = 'ERR_BAD_REQUEST'): FakeResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: { success: false, error, code } };
}

function schemaError(errors: ErrorObject[] | null | undefined): FakeResponse {
  const text = (errors ?? [])
    .map((error) => `${error.instancePath || 'body'} ${error.message ?? 'is invalid'}`)
    .join('; ');
  return v2Error(400, `Validation failed: ${text}`);
}

const ok = (data: unknown, additional_data: unknown = null, status = 200): FakeResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE },
  body: { success: true, data, additional_data },
});

/** Pipedrive's built-in activity types (the ActivityTypes reference's defaults). */
const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch'] as const;
/** Built-in activity fields the v1 ActivityFields list shows (names from the Activities model). */
const BUILT_IN_FIELDS: [string, string, string][] = [
  ['subject', 'Subject', 'varchar'],
  ['type', 'Type', 'enum'],
  ['due_date', 'Due date', 'date'],
  ['due_time', 'Due time', 'time'],
  ['duration', 'Duration', 'time'],
  ['done', 'Done', 'enum'],
  ['note', 'Note', 'text'],
  ['person_id', 'Contact person', 'people'],
  ['deal_id', 'Deal', 'double'],
  ['org_id', 'Organization', 'org'],
  ['user_id', 'Assigned to user', 'user'],
];

const digits = (text: string) => text.replace(/\D/g, '');

// ---------------------------------------------------------------------------------------------

export async function startPipedriveFake(
  options: PipedriveFakeOptions = {},
): Promise<PipedriveFake> {
  const tokens = options.tokens ?? ['fake-pipedrive-token'];
  const token = tokens[0];
  if (token === undefined) throw new Error('the Pipedrive fake needs at least one token');
  const now = options.now ?? Date.now;
  // Pipedrive's timestamps: "YYYY-MM-DD HH:MM:SS" in UTC (v1) and ISO 8601 (v2); v2 here.
  const iso = () => new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const rate = options.rateLimit ?? { max: 40, intervalMs: 2_000 };
  const limiter = new RollingWindowLimiter(rate.max, rate.intervalMs, now);
  const userId = 1001;

  let lastId = 0;
  const nextId = () => ++lastId;
  const activities = new Map<number, PipedriveActivity>();
  const persons = new Map<number, PipedrivePerson>();
  const fields: ActivityField[] = BUILT_IN_FIELDS.map(([key, name, field_type], index) => ({
    id: 12_000 + index,
    key,
    name,
    field_type,
    edit_flag: false,
    active_flag: true,
  }));
  const customKeys = () => new Set(fields.filter((f) => f.edit_flag).map((f) => f.key));

  const livePerson = (id: number) => {
    const person = persons.get(id);
    return person && !person.is_deleted ? person : undefined;
  };

  function storedValues(values: ValueLabel[] | undefined, label: string): StoredValue[] {
    return (values ?? []).map((entry, index) => ({
      value: entry.value,
      primary: entry.primary ?? index === 0,
      label: entry.label ?? label,
    }));
  }

  function addPerson(input: PersonInput): PipedrivePerson {
    const at = iso();
    const person: PipedrivePerson = {
      id: nextId(),
      name: input.name,
      owner_id: input.owner_id ?? userId,
      org_id: input.org_id ?? null,
      emails: storedValues(input.emails, 'work'),
      phones: storedValues(input.phones, 'work'),
      add_time: at,
      update_time: at,
      is_deleted: false,
    };
    persons.set(person.id, person);
    return person;
  }

  function parseBody(
    request: FakeRequest,
  ): { ok: true; value: unknown } | { ok: false; response: FakeResponse } {
    try {
      return { ok: true, value: JSON.parse(request.bodyText || '{}') as unknown };
    } catch {
      return { ok: false, response: v2Error(400, 'Invalid JSON in the request body') };
    }
  }

  /** What the schema cannot say: known type, existing people, v2's read-only person_id. */
  function checkActivity(input: ActivityInput, creating: boolean): FakeResponse | undefined {
    if (input.person_id !== undefined) {
      // Pipedrive's wording for v2, as quoted on the developer community (see v2Error).
      return v2Error(
        400,
        "'person_id' is a read-only field. Add a primary participant to set 'person_id' instead.",
      );
    }
    if (creating && (input.subject === undefined || input.type === undefined)) {
      // The add-activity tutorial: subject and type are required.
      return v2Error(400, 'subject and type are required');
    }
    if (input.type !== undefined && !ACTIVITY_TYPES.includes(input.type as 'call')) {
      return v2Error(400, `Activity type '${input.type}' does not exist`);
    }
    for (const participant of input.participants ?? []) {
      // Not documented: the wording when a participant does not exist.
      if (!livePerson(participant.person_id)) {
        return v2Error(400, `Person with id ${participant.person_id} not found`);
      }
    }
    const known = customKeys();
    for (const key of Object.keys(input.custom_fields ?? {})) {
      if (!known.has(key)) return v2Error(400, `Custom field '${key}' does not exist`);
    }
    return undefined;
  }

  function applyActivity(activity: PipedriveActivity, input: ActivityInput) {
    const { participants, custom_fields, done, ...plain } = input;
    Object.assign(activity, plain);
    if (participants !== undefined) {
      activity.participants = participants.map((p, index) => ({
        person_id: p.person_id,
        primary_flag: p.primary ?? index === 0,
      }));
      activity.person_id =
        activity.participants.find((p) => p.primary_flag)?.person_id ??
        activity.participants[0]?.person_id ??
        null;
    }
    if (custom_fields !== undefined) Object.assign(activity.custom_fields, custom_fields);
    if (done !== undefined && done !== activity.done) {
      activity.done = done;
      activity.marked_as_done_time = done ? iso() : null;
    }
  }

  function createActivity(input: ActivityInput): PipedriveActivity {
    const at = iso();
    const activity: PipedriveActivity = {
      id: nextId(),
      subject: '',
      type: 'task',
      owner_id: userId,
      creator_user_id: userId,
      is_deleted: false,
      add_time: at,
      update_time: at,
      deal_id: null,
      lead_id: null,
      person_id: null,
      org_id: null,
      project_id: null,
      due_date: null,
      due_time: null,
      duration: null,
      busy: false,
      done: false,
      marked_as_done_time: null,
      note: null,
      public_description: null,
      priority: null,
      participants: [],
      custom_fields: {},
    };
    applyActivity(activity, input);
    activities.set(activity.id, activity);
    return activity;
  }

  function activityRoutes(request: FakeRequest, idText: string | undefined): FakeResponse {
    if (idText === undefined) {
      if (request.method === 'GET') {
        // A simple filtered list; v2 pages by cursor, and everything fits one page here.
        const personId = Number(request.query.get('person_id') ?? NaN);
        const dealId = Number(request.query.get('deal_id') ?? NaN);
        const list = [...activities.values()].filter(
          (a) =>
            !a.is_deleted &&
            (Number.isNaN(personId) || a.person_id === personId) &&
            (Number.isNaN(dealId) || a.deal_id === dealId),
        );
        return ok(list, { next_cursor: null });
      }
      if (request.method !== 'POST') return v2Error(405, 'Method not allowed');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateActivity(body.value)) return schemaError(validateActivity.errors);
      const problem = checkActivity(body.value, true);
      if (problem) return problem;
      return ok(createActivity(body.value));
    }
    const id = Number(idText);
    const activity = activities.get(id);
    if (!Number.isInteger(id) || !activity || activity.is_deleted) {
      return v2Error(404, 'Activity not found', 'ERR_NOT_FOUND');
    }
    switch (request.method) {
      case 'GET':
        return ok(activity);
      case 'PATCH': {
        const body = parseBody(request);
        if (!body.ok) return body.response;
        if (!validateActivity(body.value)) return schemaError(validateActivity.errors);
        const problem = checkActivity(body.value, false);
        if (problem) return problem;
        applyActivity(activity, body.value);
        activity.update_time = iso();
        return ok(activity);
      }
      case 'DELETE':
        // v2 marks as deleted and answers the id; a second delete finds nothing (404).
        activity.is_deleted = true;
        activity.update_time = iso();
        return ok({ id });
      default:
        return v2Error(405, 'Method not allowed');
    }
  }

  /** A person as the API shows it: without the fake's own deletion mark. */
  function personJson(person: PipedrivePerson) {
    const shown: Partial<PipedrivePerson> = structuredClone(person);
    delete shown.is_deleted;
    return shown;
  }

  function searchPersons(query: URLSearchParams): FakeResponse {
    const term = query.get('term') ?? '';
    const exact = query.get('exact_match') === 'true';
    // The reference: at least 2 characters, or 1 with exact_match.
    if (term.length < (exact ? 1 : 2)) {
      return v2Error(400, 'term must be at least 2 characters long (1 with exact_match)');
    }
    const fieldsAsked = (query.get('fields') ?? 'name,email,phone,notes,custom_fields')
      .split(',')
      .map((field) => field.trim());
    const allowed = ['name', 'email', 'phone', 'notes', 'custom_fields'];
    const unknown = fieldsAsked.find((field) => !allowed.includes(field));
    if (unknown) return v2Error(400, `fields: '${unknown}' is not one of ${allowed.join(', ')}`);
    const lower = term.toLowerCase();
    // Case-insensitive as documented. Not documented: phone formats. The fake compares digits,
    // so "+1 (555) 010-0199" and "15550100199" meet.
    const matchText = (value: string) =>
      exact ? value.toLowerCase() === lower : value.toLowerCase().includes(lower);
    const matchPhone = (value: string) => {
      const [a, b] = [digits(value), digits(term)];
      return b.length > 0 && (exact ? a === b : a.includes(b));
    };
    const items = [...persons.values()]
      .filter((person) => !person.is_deleted)
      .filter(
        (person) =>
          (fieldsAsked.includes('name') && matchText(person.name)) ||
          (fieldsAsked.includes('email') && person.emails.some((e) => matchText(e.value))) ||
          (fieldsAsked.includes('phone') && person.phones.some((p) => matchPhone(p.value))),
      )
      .map((person) => ({
        // Not documented how scores are computed; a constant keeps tests honest.
        result_score: 1,
        item: {
          id: person.id,
          type: 'person',
          name: person.name,
          phones: person.phones.map((p) => p.value),
          emails: person.emails.map((e) => e.value),
          visible_to: 3,
          owner: { id: person.owner_id },
          organization: null,
          custom_fields: [],
          notes: [],
        },
      }));
    return ok({ items }, { next_cursor: null });
  }

  function personRoutes(request: FakeRequest, rest: string[]): FakeResponse {
    const [idText, extra] = rest;
    if (idText === 'search' && extra === undefined) {
      if (request.method !== 'GET') return v2Error(405, 'Method not allowed');
      return searchPersons(request.query);
    }
    if (idText === undefined) {
      if (request.method !== 'POST') return v2Error(405, 'Method not allowed');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validatePerson(body.value)) return schemaError(validatePerson.errors);
      return ok(personJson(addPerson(body.value)));
    }
    if (extra !== undefined) return v2Error(404, 'Not found', 'ERR_NOT_FOUND');
    const person = livePerson(Number(idText));
    if (!person) return v2Error(404, 'Person not found', 'ERR_NOT_FOUND');
    if (request.method !== 'GET') return v2Error(405, 'Method not allowed');
    return ok(personJson(person));
  }

  function v1Routes(request: FakeRequest, resource: string | undefined, rest: string[]) {
    if (resource === 'activityTypes' && rest.length === 0) {
      if (request.method !== 'GET') return v1Fail(405, 'Method not allowed');
      return ok(
        ACTIVITY_TYPES.map((key, index) => ({
          id: index + 1,
          order_nr: index + 1,
          name: key[0]?.toUpperCase() + key.slice(1),
          key_string: key,
          icon_key: key,
          active_flag: true,
          color: null,
          is_custom_flag: false,
          add_time: '2020-01-01 00:00:00',
          update_time: null,
        })),
      );
    }
    if (resource === 'activityFields' && rest.length === 0) {
      // The reference documents GET only; a POST is not a route (hence the test helper).
      if (request.method !== 'GET') return v1Fail(404, 'Unknown method .');
      return ok(
        fields.map((field) => ({ ...field })),
        { pagination: { start: 0, limit: 500, more_items_in_collection: false } },
      );
    }
    if (resource === 'activities' || resource === 'persons') {
      return v1Fail(410, 'Old resource permanently unavailable.');
    }
    return v1Fail(404, 'Unknown method .');
  }

  function route(request: FakeRequest): FakeResponse {
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    // `/api/v1/…`, `/v1/…` (the older base) and `/api/v2/…`.
    const [version, resource, ...rest] = parts[0] === 'api' ? parts.slice(1) : parts;
    if (version === 'v1') return v1Routes(request, resource, rest);
    if (version === 'v2' && parts[0] === 'api') {
      if (resource === 'activities' && rest.length <= 1) return activityRoutes(request, rest[0]);
      if (resource === 'persons') return personRoutes(request, rest);
      return v2Error(404, 'Not found', 'ERR_NOT_FOUND');
    }
    return v1Fail(404, 'Unknown method .');
  }

  const rateHeaders = (remaining: number, resetMs: number) => ({
    'x-ratelimit-limit': String(rate.max),
    'x-ratelimit-remaining': String(remaining),
    // "The remaining window before the rate limit resets", in seconds (the docs' example: 2).
    'x-ratelimit-reset': String(Math.max(1, Math.ceil(resetMs / 1000))),
  });

  function rateLimited(retryAfterMs: number): FakeResponse {
    // The docs show a 429 with success false; the wording is Not documented here.
    const response = v1Fail(429, 'Request over limit');
    const seconds = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    return {
      ...response,
      headers: {
        ...response.headers,
        ...rateHeaders(0, retryAfterMs),
        // Documented in Pipedrive's earlier rate-limit page ("429 and Retry-After header").
        'retry-after': seconds,
      },
    };
  }

  // Not found in the docs read; this is the body Pipedrive is widely quoted as answering.
  const unauthorized = () => v1Fail(401, 'unauthorized access');

  /** `api_token` in the query, or the `x-api-token` header (both documented for API tokens). */
  function presentedToken(request: FakeRequest): string | undefined {
    const header = request.headers['x-api-token'];
    return request.query.get('api_token') ?? (typeof header === 'string' ? header : undefined);
  }

  const server = await startFaultServer({
    prefix: '/pipedrive',
    handle: (request) => {
      const presented = presentedToken(request);
      if (presented === undefined || !tokens.includes(presented)) return unauthorized();
      const window = limiter.hit(presented);
      if (!window.allowed) return rateLimited(window.retryAfterMs);
      const response = route(request);
      return {
        ...response,
        headers: { ...response.headers, ...rateHeaders(window.remaining, rate.intervalMs) },
      };
    },
    faultResponse: (status) => {
      if (status === 429) return rateLimited(rate.intervalMs);
      if (status === 401) return unauthorized();
      if (status >= 502 && status <= 504) {
        // Not documented: a gateway's answer, not Pipedrive's JSON; a connector must not parse it.
        return {
          status,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>${status}</h1></body></html>`,
        };
      }
      // Not documented in detail: other failures in the v1 error envelope.
      return v1Fail(status, status >= 500 ? 'Internal server error' : `Forced status ${status}`);
    },
  });

  return {
    origin: server.origin,
    baseUrl: server.baseUrl,
    token,
    userId,
    faults: server.faults,
    requests: server.requests,
    activities: () =>
      [...activities.values()].filter((a) => !a.is_deleted).map((a) => structuredClone(a)),
    persons: () =>
      [...persons.values()].filter((p) => !p.is_deleted).map((p) => structuredClone(p)),
    seedPerson: (person) =>
      addPerson({
        name: person.name,
        emails: (person.emails ?? []).map((value) => ({ value })),
        phones: (person.phones ?? []).map((value) => ({ value })),
      }).id,
    addActivityField: (name) => {
      // Custom field keys are 40 hex characters in Pipedrive.
      const key = randomBytes(20).toString('hex');
      fields.push({
        id: 12_100 + fields.length,
        key,
        name,
        field_type: 'varchar',
        edit_flag: true,
        active_flag: true,
      });
      return key;
    },
    stop: server.stop,
  };
}
