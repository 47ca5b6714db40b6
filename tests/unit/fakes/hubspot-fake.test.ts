// What a HubSpot connector relies on, asked of the contract fake over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ASSOCIATION_TYPE_IDS,
  DEFAULT_DISPOSITIONS,
  startHubSpotFake,
  type HubSpotFake,
  type HubSpotFakeOptions,
} from '../../fakes/hubspot';
import { sendJson, type Answer } from './answer';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const KEY = 'second_call_outcome_key';

let fake: HubSpotFake;
async function start(options: HubSpotFakeOptions = {}) {
  fake = await startHubSpotFake(options);
}
afterEach(async () => {
  await fake.stop();
});

async function hs(
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const bearer = token === undefined ? fake.token : token;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  return sendJson(`${fake.baseUrl}${path}`, method, headers, body);
}

/** Only the status: for answers that are not JSON (the edge's 5xx). */
async function statusOf(path: string): Promise<number> {
  const response = await fetch(`${fake.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${fake.token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

const toContact = (id: string, typeId: number = ASSOCIATION_TYPE_IDS.callToContact) => [
  { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] },
];

async function createKeyProperty(objectType: 'calls' | 'tasks') {
  const answer = await hs('POST', `/crm/v3/properties/${objectType}`, {
    name: KEY,
    label: 'Second Call outcome key',
    type: 'string',
    fieldType: 'text',
    groupName: objectType === 'calls' ? 'callinfo' : 'taskinformation',
    hasUniqueValue: true,
  });
  expect(answer.status).toBe(201);
}

function callProperties(extra: Record<string, string> = {}) {
  return {
    hs_timestamp: '2026-03-02T15:04:05.000Z',
    hs_call_title: 'Follow-up with Ann Lee',
    hs_call_body: 'Asked for a quote',
    hs_call_direction: 'OUTBOUND',
    hs_call_disposition: CONNECTED,
    hs_call_status: 'COMPLETED',
    hs_call_duration: '95000',
    ...extra,
  };
}

/** The documented error shape, whatever the status. */
function expectHubSpotError(answer: Answer, status: number, category: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ status: 'error', category });
  expect(typeof answer.body.message).toBe('string');
  expect(answer.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
}

describe('the HubSpot fake', () => {
  beforeEach(async () => {
    await start();
  });

  it('serves on 127.0.0.1 under /hubspot', () => {
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hubspot$/);
  });

  it('creates, reads, updates and deletes a call associated with a contact', async () => {
    const contactId = fake.seedContact({ email: 'ann@example.com', firstname: 'Ann' });

    const created = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties(),
      associations: toContact(contactId),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(/^\d+$/);
    expect(created.body).toMatchObject({
      archived: false,
      properties: { hs_call_title: 'Follow-up with Ann Lee', hs_object_id: id },
    });
    expect(created.headers.get('x-hubspot-ratelimit-max')).toBe('100');

    const read = await hs(
      'GET',
      `/crm/v3/objects/calls/${id}?properties=hs_call_title,hs_call_disposition,hs_call_duration,hs_call_recording_url&associations=contacts`,
    );
    expect(read.status).toBe(200);
    expect(read.body.properties).toEqual({
      hs_call_title: 'Follow-up with Ann Lee',
      hs_call_disposition: CONNECTED,
      hs_call_duration: '95000',
      hs_call_recording_url: null,
    });
    expect(read.body.associations).toEqual({
      contacts: { results: [{ id: contactId, type: 'call_to_contact' }] },
    });
    expect(fake.calls()[0]?.associations).toEqual([
      {
        toObjectType: 'contacts',
        toId: contactId,
        associationCategory: 'HUBSPOT_DEFINED',
        associationTypeId: 194,
      },
    ]);

    // Named no properties: only HubSpot's defaults come back, as from the real API.
    const bare = await hs('GET', `/crm/v3/objects/calls/${id}`);
    expect(Object.keys(bare.body.properties as object).sort()).toEqual([
      'hs_createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
    ]);

    const updated = await hs('PATCH', `/crm/v3/objects/calls/${id}`, {
      properties: { hs_call_body: 'Quote sent', hs_call_duration: '' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.properties).toMatchObject({ hs_call_body: 'Quote sent' });
    expect(fake.calls()[0]?.properties.hs_call_duration).toBeUndefined();

    const fromContact = await hs('GET', `/crm/v3/objects/contacts/${contactId}?associations=calls`);
    expect(fromContact.body.associations).toEqual({
      calls: { results: [{ id, type: 'contact_to_call' }] },
    });

    expect((await hs('DELETE', `/crm/v3/objects/calls/${id}`)).status).toBe(204);
    expectHubSpotError(await hs('GET', `/crm/v3/objects/calls/${id}`), 404, 'OBJECT_NOT_FOUND');
    expect(fake.calls()).toEqual([]);
    // Archiving again is not an error.
    expect((await hs('DELETE', `/crm/v3/objects/calls/${id}`)).status).toBe(204);
  });

  it('keeps tasks with their contact', async () => {
    const contactId = fake.seedContact({ email: 'bo@example.com' });
    const created = await hs('POST', '/crm/v3/objects/tasks', {
      properties: {
        hs_timestamp: String(Date.UTC(2026, 2, 3, 9)),
        hs_task_subject: 'Call Bo back',
        hs_task_body: 'About the quote',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
      },
      associations: toContact(contactId, ASSOCIATION_TYPE_IDS.taskToContact),
    });
    expect(created.status).toBe(201);
    // A millisecond timestamp reads back as the instant it names.
    expect(fake.tasks()[0]?.properties.hs_timestamp).toBe('2026-03-03T09:00:00.000Z');
    const id = created.body.id as string;
    const done = await hs('PATCH', `/crm/v3/objects/tasks/${id}`, {
      properties: { hs_task_status: 'COMPLETED' },
    });
    expect(done.body.properties).toMatchObject({ hs_task_status: 'COMPLETED' });
    const read = await hs('GET', `/crm/v3/objects/tasks/${id}?associations=contacts`);
    expect(read.body.associations).toEqual({
      contacts: { results: [{ id: contactId, type: 'task_to_contact' }] },
    });
  });

  it('refuses an association type that does not lead from calls to contacts', async () => {
    const contactId = fake.seedContact({ email: 'cy@example.com' });
    const wrong = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties(),
      associations: toContact(contactId, ASSOCIATION_TYPE_IDS.taskToContact),
    });
    expectHubSpotError(wrong, 400, 'VALIDATION_ERROR');
    const missing = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties(),
      associations: toContact('999'),
    });
    expectHubSpotError(missing, 400, 'VALIDATION_ERROR');
    expect(fake.calls()).toEqual([]);
  });

  it('finds exactly one call by the idempotency property, and refuses its second create with 409', async () => {
    const missing = await hs('GET', `/crm/v3/properties/calls/${KEY}`);
    expectHubSpotError(missing, 404, 'OBJECT_NOT_FOUND');
    await createKeyProperty('calls');
    const property = await hs('GET', `/crm/v3/properties/calls/${KEY}`);
    expect(property.body).toMatchObject({ name: KEY, type: 'string', hasUniqueValue: true });
    expectHubSpotError(
      await hs('POST', '/crm/v3/properties/calls', {
        name: KEY,
        label: 'again',
        type: 'string',
        fieldType: 'text',
        groupName: 'callinfo',
      }),
      409,
      'OBJECT_ALREADY_EXISTS',
    );

    const first = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties({ [KEY]: 'attempt-1' }),
    });
    await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties({ [KEY]: 'attempt-2' }),
    });
    const again = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties({ [KEY]: 'attempt-1' }),
    });
    expectHubSpotError(again, 409, 'CONFLICT');
    expect(again.body.message).toBe(`Call already exists. Existing ID: ${String(first.body.id)}`);
    expect(fake.calls()).toHaveLength(2);

    const found = await hs('POST', '/crm/v3/objects/calls/search', {
      filterGroups: [{ filters: [{ propertyName: KEY, operator: 'EQ', value: 'attempt-1' }] }],
      properties: [KEY, 'hs_call_title'],
      limit: 10,
    });
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.results).toEqual([
      expect.objectContaining({
        id: first.body.id,
        properties: { [KEY]: 'attempt-1', hs_call_title: 'Follow-up with Ann Lee' },
      }),
    ]);

    // Read by the unique value itself (idProperty), and a PATCH onto another's value is a 409.
    const byKey = await hs('GET', `/crm/v3/objects/calls/attempt-2?idProperty=${KEY}`);
    expect(byKey.status).toBe(200);
    const clash = await hs('PATCH', `/crm/v3/objects/calls/${String(byKey.body.id)}`, {
      properties: { [KEY]: 'attempt-1' },
    });
    expectHubSpotError(clash, 409, 'CONFLICT');
  });

  it('refuses properties that do not exist until the connector creates them', async () => {
    const answer = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties({ [KEY]: 'attempt-1' }),
    });
    expectHubSpotError(answer, 400, 'VALIDATION_ERROR');
    expect(answer.body.message).toContain('PROPERTY_DOESNT_EXIST');
  });

  it('answers schema violations and bad values with 400 and the HubSpot error body', async () => {
    const cases: unknown[] = [
      { props: {} },
      { properties: callProperties(), associations: [{ to: { id: '1' } }] },
      { properties: { ...callProperties(), hs_call_direction: 'SIDEWAYS' } },
      { properties: { ...callProperties(), hs_timestamp: 'yesterday' } },
      { properties: { ...callProperties(), hs_call_disposition: 'Connected' } },
      { properties: { hs_call_title: 'no timestamp' } },
      { properties: { ...callProperties(), hs_object_id: '5' } },
      { properties: { hs_call_title: { nested: true } } },
    ];
    for (const body of cases) {
      expectHubSpotError(await hs('POST', '/crm/v3/objects/calls', body), 400, 'VALIDATION_ERROR');
    }
    expectHubSpotError(
      await hs('POST', '/crm/v3/objects/calls', '{not json'),
      400,
      'VALIDATION_ERROR',
    );
    const badSearch = await hs('POST', '/crm/v3/objects/calls/search', {
      filterGroups: [
        { filters: [{ propertyName: 'hs_call_title', operator: 'LIKE', value: 'x' }] },
      ],
    });
    expectHubSpotError(badSearch, 400, 'VALIDATION_ERROR');
    expect(badSearch.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: expect.stringContaining('/operator') }),
      ]),
    );
    expect(fake.calls()).toEqual([]);
  });

  it('finds contacts by email or phone, creates them, and keeps emails unique', async () => {
    const annId = fake.seedContact({
      email: 'ann@example.com',
      phone: '+15550100',
      firstname: 'Ann',
    });
    fake.seedContact({ email: 'bo@example.com', mobilephone: '+15550199' });

    const byEmail = await hs('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'EQ', value: 'Ann@Example.com' }] },
      ],
    });
    expect(byEmail.body.total).toBe(1);
    expect(byEmail.body.results).toEqual([
      expect.objectContaining({
        id: annId,
        properties: expect.objectContaining({ firstname: 'Ann' }),
      }),
    ]);

    // Either number: two filter groups are ORed.
    const byPhone = await hs('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [
        { filters: [{ propertyName: 'phone', operator: 'EQ', value: '+15550199' }] },
        { filters: [{ propertyName: 'mobilephone', operator: 'EQ', value: '+15550199' }] },
      ],
      properties: ['email'],
    });
    expect(byPhone.body.results).toEqual([
      expect.objectContaining({ properties: { email: 'bo@example.com' } }),
    ]);

    const created = await hs('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'cy@example.com', firstname: 'Cy' },
    });
    expect(created.status).toBe(201);
    const read = await hs('GET', `/crm/v3/objects/contacts/${String(created.body.id)}`);
    expect(read.body.properties).toMatchObject({
      email: 'cy@example.com',
      firstname: 'Cy',
      lastname: null,
    });

    const duplicate = await hs('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'ann@example.com' },
    });
    expectHubSpotError(duplicate, 409, 'CONFLICT');
    expect(duplicate.body.message).toBe(`Contact already exists. Existing ID: ${annId}`);
  });

  it('pages search results', async () => {
    for (let n = 0; n < 3; n += 1) {
      fake.seedContact({ email: `p${n}@example.com`, company: 'Acme' });
    }
    const search = (after?: string) =>
      hs('POST', '/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'company', operator: 'EQ', value: 'Acme' }] }],
        sorts: [{ propertyName: 'email', direction: 'DESCENDING' }],
        limit: 2,
        ...(after ? { after } : {}),
      });
    const first = await search();
    expect(first.body.total).toBe(3);
    const emails = (answer: Answer) =>
      (answer.body.results as { properties: { email: string } }[]).map((r) => r.properties.email);
    expect(emails(first)).toEqual(['p2@example.com', 'p1@example.com']);
    const next = (first.body.paging as { next: { after: string } }).next.after;
    const second = await search(next);
    expect(emails(second)).toEqual(['p0@example.com']);
    expect(second.body.paging).toBeUndefined();
  });

  it('lists the default call outcomes and the ones a test adds', async () => {
    const id = fake.addDisposition('Meeting booked');
    const answer = await hs('GET', '/calling/v1/dispositions');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([...DEFAULT_DISPOSITIONS, { id, label: 'Meeting booked' }]);
    // An added outcome is one a call may carry.
    const created = await hs('POST', '/crm/v3/objects/calls', {
      properties: callProperties({ hs_call_disposition: id }),
    });
    expect(created.status).toBe(201);
  });

  it('answers 401 with the HubSpot body without a token or with a wrong one', async () => {
    for (const token of [null, 'not-the-token']) {
      const answer = await hs('GET', '/calling/v1/dispositions', undefined, token);
      expectHubSpotError(answer, 401, 'INVALID_AUTHENTICATION');
    }
  });
});

describe('the HubSpot fake rate limit', () => {
  it('answers 429 with the rate headers once a token is over its window, and recovers after it', async () => {
    let clock = 1_000_000;
    await start({
      tokens: ['one', 'two'],
      rateLimit: { max: 3, intervalMs: 1_000 },
      now: () => clock,
    });
    const remaining: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const answer = await hs('GET', '/calling/v1/dispositions', undefined, 'one');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-hubspot-ratelimit-max')).toBe('3');
      expect(answer.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('1000');
      remaining.push(answer.headers.get('x-hubspot-ratelimit-remaining') ?? '');
      clock += 100;
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await hs('GET', '/calling/v1/dispositions', undefined, 'one');
    expectHubSpotError(limited, 429, 'RATE_LIMITS');
    expect(limited.body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('retry-after')).toBe('1');

    // The limit is per token.
    expect((await hs('GET', '/calling/v1/dispositions', undefined, 'two')).status).toBe(200);

    // Once the first request leaves the rolling window, one more fits.
    clock += 701;
    const recovered = await hs('GET', '/calling/v1/dispositions', undefined, 'one');
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
  });

  it('recovers on the real clock too', async () => {
    await start({ rateLimit: { max: 1, intervalMs: 50 } });
    expect((await hs('GET', '/calling/v1/dispositions')).status).toBe(200);
    // Waits as long as the machine needs; asserts nothing about how long that is.
    await expect
      .poll(async () => (await hs('GET', '/calling/v1/dispositions')).status, { interval: 20 })
      .toBe(200);
  });
});

describe('the HubSpot fake fault switches', () => {
  beforeEach(async () => {
    await start();
  });

  it('forces statuses in order, with the HubSpot body for each', async () => {
    fake.faults.next({ status: 429 });
    fake.faults.next({ status: 401 });
    fake.faults.next({ status: 500 });
    const limited = await hs('GET', '/calling/v1/dispositions');
    expectHubSpotError(limited, 429, 'RATE_LIMITS');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expectHubSpotError(await hs('GET', '/calling/v1/dispositions'), 401, 'INVALID_AUTHENTICATION');
    expectHubSpotError(await hs('GET', '/calling/v1/dispositions'), 500, 'INTERNAL_ERROR');
    expect((await hs('GET', '/calling/v1/dispositions')).status).toBe(200);
    expect(fake.faults.pending()).toBe(0);
  });

  it('answers a 502 as the edge does: not JSON', async () => {
    fake.faults.next({ status: 502 });
    const response = await fetch(`${fake.baseUrl}/calling/v1/dispositions`, {
      headers: { authorization: `Bearer ${fake.token}` },
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  it('fails the nth request from now and leaves the others alone', async () => {
    fake.faults.nth(2, { status: 503 });
    const statuses: number[] = [];
    for (let n = 0; n < 3; n += 1) statuses.push(await statusOf('/calling/v1/dispositions'));
    expect(statuses).toEqual([200, 503, 200]);
  });

  it('a forced failure stores nothing', async () => {
    fake.faults.next({ status: 500 });
    await hs('POST', '/crm/v3/objects/calls', { properties: callProperties() });
    expect(fake.calls()).toEqual([]);
    expect(fake.requests()[0]).toMatchObject({
      method: 'POST',
      path: '/crm/v3/objects/calls',
      status: 500,
    });
  });

  it('drops the socket without an answer: fetch sees a network error', async () => {
    fake.faults.next({ dropSocket: true });
    await expect(
      hs('POST', '/crm/v3/objects/calls', { properties: callProperties() }),
    ).rejects.toThrow(TypeError);
    expect(fake.requests()[0]).toMatchObject({ status: undefined, fault: { dropSocket: true } });
    expect(fake.calls()).toEqual([]);
    // The next request is served.
    expect((await hs('GET', '/calling/v1/dispositions')).status).toBe(200);
  });

  it('delays an answer by the latency asked for', async () => {
    fake.faults.next({ latencyMs: 150 });
    const started = performance.now();
    const answer = await hs('GET', '/calling/v1/dispositions');
    // Only a lower bound: a slow machine makes it longer, never shorter. (A timer may fire up
    // to a millisecond early against performance.now, hence the slack.)
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(answer.status).toBe(200);
  });

  it('lets a client time out on a long latency', async () => {
    fake.faults.next({ latencyMs: 60_000 });
    await expect(
      fetch(`${fake.baseUrl}/calling/v1/dispositions`, {
        headers: { authorization: `Bearer ${fake.token}` },
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toThrow(/abort|timeout/i);
  });

  it('a standing fault applies until cleared', async () => {
    fake.faults.always({ status: 503 });
    expect(await statusOf('/calling/v1/dispositions')).toBe(503);
    expect(await statusOf('/calling/v1/dispositions')).toBe(503);
    fake.faults.clear();
    expect(await statusOf('/calling/v1/dispositions')).toBe(200);
  });
});
