// Contract fake of the Close API v1 routes the connector uses, served under `/close` (a connector
// replaces `https://api.close.com` with `<origin>/close`, so calls go to `/close/api/v1/…`).
// Written from Close's public documentation, not from recorded traffic:
//   calls:          https://developer.close.com/api/resources/activities/calls
//                   https://developer.close.com/api/resources/activities/calls/create
//                   https://developer.close.com/api/resources/activities/calls/get
//   custom fields:  https://developer.close.com/api/resources/custom-fields
//   leads:          https://developer.close.com/resources/leads
//   rate limits:    https://developer.close.com/api/overview/rate-limits
//                   https://developer.close.com/topics/rate-limits
//   authentication: https://developer.close.com/topics/authentication (API key as the Basic
//                   username, empty password)
//
// Idempotency key: Close's custom fields live on Leads, Contacts, Opportunities and Custom
// Activities only, not on Calls, so a call cannot carry one; the fake refuses `custom.*` on a
// call, and the connector reads the call back by the id it stored.
// Search: the lead `query` parameter (`email:"…"`, `phone:"…"`) is served; Close's newer
// Advanced Filtering (`POST /data/search/`) is not. Rate limits are kept per API key for one
// endpoint group (Close keeps them per group and per organisation too).
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
import { validateCall, validateTask, type CallInput, type TaskInput } from './close-schemas';

export interface CloseContact {
  id: string;
  lead_id: string;
  name: string;
  emails: { email: string; type: string }[];
  phones: { phone: string; type: string }[];
  date_created: string;
  date_updated: string;
}

export interface CloseLead {
  id: string;
  display_name: string;
  name: string;
  contacts: CloseContact[];
  date_created: string;
  date_updated: string;
}

export interface CloseCall {
  id: string;
  _type: 'Call';
  lead_id: string;
  contact_id: string | null;
  user_id: string;
  created_by: string;
  organization_id: string;
  direction: 'inbound' | 'outbound';
  status: string;
  duration: number;
  note: string;
  note_html: string;
  phone: string | null;
  disposition: string | null;
  recording_url: string | null;
  source: string;
  activity_at: string;
  date_created: string;
  date_updated: string;
}

export interface CloseTask {
  id: string;
  _type: 'lead';
  lead_id: string;
  contact_id: string | null;
  assigned_to: string;
  text: string;
  date: string | null;
  is_dateless: boolean;
  is_complete: boolean;
  organization_id: string;
  date_created: string;
  date_updated: string;
}

// Close's documented window is e.g. 20 requests per second per key and endpoint group.
export interface CloseFakeOptions extends CrmFakeOptions {
  /** API keys the fake accepts; the first is `fake.apiKey`. */
  apiKeys?: string[];
}

/** Its `baseUrl` (`<origin>/close`) stands for `https://api.close.com`. */
export interface CloseFake extends FaultServer {
  apiKey: string;
  /** The user the key belongs to. */
  userId: string;
  calls(): CloseCall[];
  tasks(): CloseTask[];
  leads(): CloseLead[];
  /** Puts a lead with one contact straight into the store; returns both ids. */
  seedLead(lead: { name: string; contact: string; emails?: string[]; phones?: string[] }): {
    leadId: string;
    contactId: string;
  };
}

// ---------------------------------------------------------------------------------------------
// Close's answers.

const JSON_TYPE = 'application/json';
const ORGANIZATION = 'orga_fake0000000000000000000000000000000000';

/** Close's error body: `error`, plus `errors` and `field-errors` for invalid input. */
function closeError(
  status: number,
  error: string,
  fieldErrors: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE },
    body: { error, errors: [], 'field-errors': fieldErrors },
  };
}

/** ajv's errors as Close's `field-errors`: one message per field. */
function schemaError(errors: ErrorObject[] | null | undefined): FakeResponse {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field =
      error.keyword === 'additionalProperties'
        ? String((error.params as { additionalProperty: string }).additionalProperty)
        : error.instancePath.replace(/^\//, '') || 'body';
    fieldErrors[field] ??=
      error.keyword === 'additionalProperties' ? 'Unknown field.' : (error.message ?? 'Invalid.');
  }
  return closeError(400, 'Invalid input.', fieldErrors);
}

const notFound = () => closeError(404, 'Object does not exist.');
const digits = (text: string) => text.replace(/\D/g, '');

// ---------------------------------------------------------------------------------------------

export async function startCloseFake(options: CloseFakeOptions = {}): Promise<CloseFake> {
  const apiKeys = options.apiKeys ?? ['api_fakeclosekey'];
  const apiKey = apiKeys[0];
  if (apiKey === undefined) throw new Error('the Close fake needs at least one API key');
  const now = options.now ?? Date.now;
  // Close's timestamps are ISO 8601 with microseconds and an offset; milliseconds suffice here.
  const iso = () => new Date(now()).toISOString().replace('Z', '+00:00');
  const rate = options.rateLimit ?? { max: 20, intervalMs: 1_000 };
  const limiter = new RollingWindowLimiter(rate.max, rate.intervalMs, now);
  const userId = 'user_fake0000000000000000000000000000000000';

  // Close ids: a type prefix and random alphanumerics.
  const newId = (prefix: string) =>
    `${prefix}_${randomBytes(21)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 27)}`;
  const leads = new Map<string, CloseLead>();
  const calls = new Map<string, CloseCall>();
  const tasks = new Map<string, CloseTask>();

  const contactById = (id: string) =>
    [...leads.values()].flatMap((lead) => lead.contacts).find((contact) => contact.id === id);

  function parseBody(
    request: FakeRequest,
  ): { ok: true; value: unknown } | { ok: false; response: FakeResponse } {
    try {
      return { ok: true, value: JSON.parse(request.bodyText || '{}') as unknown };
    } catch {
      return { ok: false, response: closeError(400, 'Invalid JSON.') };
    }
  }

  /** Lead and contact must exist, and the contact must belong to the lead. */
  function checkRefs(
    leadId: string | undefined,
    contactId: string | null | undefined,
    creating: boolean,
  ): FakeResponse | undefined {
    if (creating && leadId === undefined) {
      return closeError(400, 'Invalid input.', { lead_id: 'This field is required.' });
    }
    if (leadId !== undefined && !leads.has(leadId)) {
      return closeError(400, 'Invalid input.', { lead_id: 'Object does not exist.' });
    }
    if (contactId) {
      const contact = contactById(contactId);
      if (!contact)
        return closeError(400, 'Invalid input.', { contact_id: 'Object does not exist.' });
      // Not documented in the pages read: the wording when the contact is on another lead.
      if (leadId !== undefined && contact.lead_id !== leadId) {
        return closeError(400, 'Invalid input.', {
          contact_id: 'Contact does not belong to this lead.',
        });
      }
    }
    return undefined;
  }

  function applyCall(call: CloseCall, input: CallInput) {
    Object.assign(call, input);
    // note and note_html: setting one overwrites the other (the Calls page).
    if (input.note !== undefined && input.note_html === undefined) {
      call.note_html = `<p>${input.note}</p>`;
    }
    if (input.note_html !== undefined && input.note === undefined) {
      call.note = input.note_html.replace(/<[^>]*>/g, '');
    }
  }

  function callRoutes(request: FakeRequest, id: string | undefined): FakeResponse {
    if (id === undefined) {
      if (request.method === 'GET') {
        const leadId = request.query.get('lead_id');
        const data = [...calls.values()].filter((c) => leadId === null || c.lead_id === leadId);
        return { status: 200, body: { data, has_more: false } };
      }
      if (request.method !== 'POST') return closeError(405, 'Method not allowed.');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateCall(body.value)) return schemaError(validateCall.errors);
      const problem = checkRefs(body.value.lead_id, body.value.contact_id, true);
      if (problem) return problem;
      const at = iso();
      const call: CloseCall = {
        id: newId('acti'),
        _type: 'Call',
        lead_id: body.value.lead_id ?? '',
        contact_id: null,
        user_id: userId,
        created_by: userId,
        organization_id: ORGANIZATION,
        direction: 'outbound',
        status: 'completed',
        duration: 0,
        note: '',
        note_html: '',
        phone: null,
        disposition: null,
        recording_url: null,
        // Not documented: the source Close shows for a call logged through this endpoint.
        source: 'External',
        activity_at: at,
        date_created: at,
        date_updated: at,
      };
      applyCall(call, body.value);
      calls.set(call.id, call);
      return { status: 200, body: call };
    }
    const call = calls.get(id);
    if (!call) return notFound();
    switch (request.method) {
      case 'GET':
        return { status: 200, body: call };
      case 'PUT': {
        const body = parseBody(request);
        if (!body.ok) return body.response;
        if (!validateCall(body.value)) return schemaError(validateCall.errors);
        const leadId = body.value.lead_id ?? call.lead_id;
        const problem = checkRefs(leadId, body.value.contact_id, false);
        if (problem) return problem;
        applyCall(call, body.value);
        call.date_updated = iso();
        return { status: 200, body: call };
      }
      case 'DELETE':
        calls.delete(id);
        return { status: 200, body: {} };
      default:
        return closeError(405, 'Method not allowed.');
    }
  }

  function createTask(input: TaskInput): FakeResponse {
    if (input.text === undefined) {
      return closeError(400, 'Invalid input.', { text: 'This field is required.' });
    }
    const problem = checkRefs(input.lead_id, input.contact_id, true);
    if (problem) return problem;
    const at = iso();
    const task: CloseTask = {
      id: newId('task'),
      _type: 'lead',
      lead_id: input.lead_id ?? '',
      contact_id: input.contact_id ?? null,
      assigned_to: input.assigned_to ?? userId,
      text: input.text,
      date: input.date ?? null,
      is_dateless: input.date === undefined,
      is_complete: input.is_complete ?? false,
      organization_id: ORGANIZATION,
      date_created: at,
      date_updated: at,
    };
    tasks.set(task.id, task);
    return { status: 200, body: task };
  }

  function taskRoutes(request: FakeRequest, id: string | undefined): FakeResponse {
    if (id === undefined) {
      if (request.method !== 'POST') return closeError(405, 'Method not allowed.');
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateTask(body.value)) return schemaError(validateTask.errors);
      return createTask(body.value);
    }
    const task = tasks.get(id);
    if (!task) return notFound();
    if (request.method === 'GET') return { status: 200, body: task };
    if (request.method === 'PUT') {
      const body = parseBody(request);
      if (!body.ok) return body.response;
      if (!validateTask(body.value)) return schemaError(validateTask.errors);
      const { date, is_complete, text } = body.value;
      if (text !== undefined) task.text = text;
      if (is_complete !== undefined) task.is_complete = is_complete;
      if (date !== undefined) [task.date, task.is_dateless] = [date, false];
      task.date_updated = iso();
      return { status: 200, body: task };
    }
    return closeError(405, 'Method not allowed.');
  }

  /** The lead query, for the two terms the connector sends: `email:"…"` and `phone:"…"`. */
  function searchLeads(query: string): FakeResponse {
    const match = /^\s*(email|phone)\s*:\s*"?([^"]+)"?\s*$/.exec(query);
    if (!match) {
      // Not documented: Close's query language is far larger; the fake names what it serves.
      return closeError(400, `The fake serves only email:"…" or phone:"…" queries, not: ${query}`);
    }
    const [, field, term = ''] = match;
    const wanted = term.toLowerCase();
    // Not documented: how Close normalises phone numbers in a query; the fake compares digits.
    const data = [...leads.values()].filter((lead) =>
      lead.contacts.some((contact) =>
        field === 'email'
          ? contact.emails.some((e) => e.email.toLowerCase() === wanted)
          : contact.phones.some((p) => digits(p.phone) === digits(term) && digits(term) !== ''),
      ),
    );
    return { status: 200, body: { data, has_more: false, total_results: data.length } };
  }

  function route(request: FakeRequest): FakeResponse {
    // Close's paths end in a slash; one without it is accepted too.
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api' || parts[1] !== 'v1') return closeError(404, 'Not found.');
    const [resource, second, third, fourth] = parts.slice(2);
    if (resource === 'activity' && second === 'call' && fourth === undefined) {
      return callRoutes(request, third);
    }
    if (resource === 'task' && third === undefined) return taskRoutes(request, second);
    if (resource === 'lead' && third === undefined) {
      if (request.method !== 'GET') return closeError(405, 'Method not allowed.');
      if (second !== undefined) {
        const lead = leads.get(second);
        return lead ? { status: 200, body: lead } : notFound();
      }
      return searchLeads(request.query.get('query') ?? '');
    }
    if (resource === 'contact' && third === undefined) {
      if (request.method !== 'GET') return closeError(405, 'Method not allowed.');
      if (second !== undefined) {
        const contact = contactById(second);
        return contact ? { status: 200, body: contact } : notFound();
      }
      const leadId = request.query.get('lead_id');
      const data = [...leads.values()]
        .flatMap((lead) => lead.contacts)
        .filter((contact) => leadId === null || contact.lead_id === leadId);
      return { status: 200, body: { data, has_more: false } };
    }
    return closeError(404, 'Not found.');
  }

  /** The `ratelimit` header of the rate-limits page: limit, remaining, reset (seconds). */
  const rateHeader = (remaining: number, resetMs: number) => ({
    ratelimit: `limit=${rate.max}, remaining=${remaining}, reset=${Math.max(1, Math.ceil(resetMs / 1000))}`,
  });

  function rateLimited(retryAfterMs: number): FakeResponse {
    const seconds = retryAfterMs / 1000;
    return {
      status: 429,
      headers: {
        'content-type': JSON_TYPE,
        ...rateHeader(0, retryAfterMs),
        // Not confirmed in the pages read (the body's rate_reset is what the docs tell a
        // client to honour); sent so a client may use either.
        'retry-after': String(Math.max(1, Math.ceil(seconds))),
      },
      body: {
        error: {
          rate_reset: seconds,
          message: `API call count exceeded for this ${rate.intervalMs / 1000} second window`,
          rate_limit: rate.max,
          rate_window: rate.intervalMs / 1000,
          rate_limit_type: 'key',
          rate_endpoint_group: 'default',
        },
      },
    };
  }

  // Not documented: the 401 wording; the error shape is Close's.
  const unauthorized = () => ({
    ...closeError(401, 'The API key is invalid or missing.'),
    headers: { 'content-type': JSON_TYPE, 'www-authenticate': 'Basic realm="api"' },
  });

  /** HTTP Basic with the API key as username and an empty password. */
  function presentedKey(request: FakeRequest): string | undefined {
    const match = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 && decoded.slice(colon + 1) === '' ? decoded.slice(0, colon) : undefined;
  }

  const server = await startFaultServer({
    prefix: '/close',
    handle: (request) => {
      const presented = presentedKey(request);
      if (presented === undefined || !apiKeys.includes(presented)) return unauthorized();
      const window = limiter.hit(presented);
      if (!window.allowed) return rateLimited(window.retryAfterMs);
      const response = route(request);
      return {
        ...response,
        headers: {
          'content-type': JSON_TYPE,
          ...response.headers,
          ...rateHeader(window.remaining, rate.intervalMs),
        },
      };
    },
    faultResponse: (status) => {
      if (status === 429) return rateLimited(rate.intervalMs);
      if (status === 401) return unauthorized();
      if (status >= 502 && status <= 504) {
        // Not documented: a gateway's answer, not Close's JSON.
        return {
          status,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>${status}</h1></body></html>`,
        };
      }
      // Not documented in detail: other failures in Close's error shape.
      return closeError(status, status >= 500 ? 'Internal server error.' : `Forced ${status}.`);
    },
  });

  const copy = <T>(items: Iterable<T>) => [...items].map((item) => structuredClone(item));

  return {
    origin: server.origin,
    baseUrl: server.baseUrl,
    apiKey,
    userId,
    faults: server.faults,
    requests: server.requests,
    calls: () => copy(calls.values()),
    tasks: () => copy(tasks.values()),
    leads: () => copy(leads.values()),
    seedLead: ({ name, contact, emails = [], phones = [] }) => {
      const at = iso();
      const leadId = newId('lead');
      const contactId = newId('cont');
      leads.set(leadId, {
        id: leadId,
        display_name: name,
        name,
        date_created: at,
        date_updated: at,
        contacts: [
          {
            id: contactId,
            lead_id: leadId,
            name: contact,
            emails: emails.map((email) => ({ email, type: 'office' })),
            phones: phones.map((phone) => ({ phone, type: 'office' })),
            date_created: at,
            date_updated: at,
          },
        ],
      });
      return { leadId, contactId };
    },
    stop: server.stop,
  };
}
