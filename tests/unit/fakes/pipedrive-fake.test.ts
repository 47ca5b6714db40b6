// What a Pipedrive connector relies on, asked of the contract fake over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startPipedriveFake,
  type PipedriveFake,
  type PipedriveFakeOptions,
} from '../../fakes/pipedrive';
import { sendJson, type Answer } from './answer';

let fake: PipedriveFake;
async function start(options: PipedriveFakeOptions = {}) {
  fake = await startPipedriveFake(options);
}
afterEach(async () => {
  await fake.stop();
});

type Auth = { query: string | null } | { header: string };

async function pd(method: string, path: string, body?: unknown, auth?: Auth): Promise<Answer> {
  const headers: Record<string, string> = {};
  const how = auth ?? { query: fake.token };
  const url = new URL(`${fake.baseUrl}${path}`);
  if ('header' in how) headers['x-api-token'] = how.header;
  else if (how.query !== null) url.searchParams.set('api_token', how.query);
  return sendJson(url, method, headers, body);
}

async function statusOf(path: string): Promise<number> {
  const response = await fetch(`${fake.baseUrl}${path}?api_token=${fake.token}`);
  await response.arrayBuffer();
  return response.status;
}

function expectV1Error(answer: Answer, status: number, error: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    success: false,
    error,
    error_info: expect.any(String) as string,
    errorCode: status,
  });
}

function expectV2Error(answer: Answer, status: number, pattern: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ success: false, code: expect.any(String) as string });
  expect(answer.body.error).toMatch(pattern);
}

const data = (answer: Answer) => answer.body.data as Record<string, unknown>;

describe('the Pipedrive fake', () => {
  beforeEach(async () => {
    await start();
  });

  it('serves on 127.0.0.1 under /pipedrive', () => {
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pipedrive$/);
  });

  it('lists the activity types, call among them', async () => {
    for (const path of ['/api/v1/activityTypes', '/v1/activityTypes']) {
      const answer = await pd('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.body.success).toBe(true);
      const types = answer.body.data as { key_string: string; active_flag: boolean }[];
      expect(types).toContainEqual(
        expect.objectContaining({ key_string: 'call', active_flag: true }),
      );
    }
  });

  it('creates, reads, updates and deletes a call activity with a person and an idempotency key', async () => {
    const personId = fake.seedPerson({ name: 'Ann Lee', emails: ['ann@example.com'] });
    const key = fake.addActivityField('Second Call outcome key');
    const fields = await pd('GET', '/api/v1/activityFields');
    expect(fields.body.data).toContainEqual(
      expect.objectContaining({ key, name: 'Second Call outcome key', edit_flag: true }),
    );

    const created = await pd('POST', '/api/v2/activities', {
      subject: 'Follow-up with Ann Lee',
      type: 'call',
      note: 'Asked for a quote',
      due_date: '2026-03-02',
      due_time: '15:04',
      duration: '00:02',
      done: true,
      deal_id: 7,
      participants: [{ person_id: personId, primary: true }],
      custom_fields: { [key]: 'outcome-1' },
    });
    expect(created.status).toBe(200);
    expect(created.body.success).toBe(true);
    const id = data(created).id as number;
    expect(Number.isInteger(id)).toBe(true);
    expect(data(created)).toMatchObject({
      type: 'call',
      person_id: personId,
      done: true,
      owner_id: fake.userId,
      participants: [{ person_id: personId, primary_flag: true }],
      custom_fields: { [key]: 'outcome-1' },
    });
    expect(data(created).marked_as_done_time).toEqual(expect.any(String));
    expect(created.headers.get('x-ratelimit-limit')).toBe('40');

    // The connector reads back by the id it stored and compares its key.
    const read = await pd('GET', `/api/v2/activities/${id}`);
    expect(data(read)).toMatchObject({ id, custom_fields: { [key]: 'outcome-1' } });

    const updated = await pd('PATCH', `/api/v2/activities/${id}`, {
      note: 'Quote sent',
      done: false,
    });
    expect(data(updated)).toMatchObject({ note: 'Quote sent', done: false });
    expect(data(updated).marked_as_done_time).toBeNull();
    expect(fake.activities()).toHaveLength(1);

    const listed = await pd('GET', `/api/v2/activities?person_id=${personId}`);
    expect((listed.body.data as unknown[]).length).toBe(1);

    const deleted = await pd('DELETE', `/api/v2/activities/${id}`);
    expect(deleted.body).toEqual({ success: true, data: { id }, additional_data: null });
    expectV2Error(await pd('GET', `/api/v2/activities/${id}`), 404, /not found/);
    expect(fake.activities()).toEqual([]);
  });

  it('finds exactly the seeded person by email or by phone', async () => {
    const ann = fake.seedPerson({
      name: 'Ann Lee',
      emails: ['Ann@Example.com'],
      phones: ['+1 (555) 010-0199'],
    });
    fake.seedPerson({
      name: 'Annie Leeds',
      emails: ['annie@example.com'],
      phones: ['+1 555 010 0100'],
    });

    const byEmail = await pd(
      'GET',
      '/api/v2/persons/search?term=ann%40example.com&fields=email&exact_match=true',
    );
    expect(byEmail.status).toBe(200);
    const emailItems = (byEmail.body.data as { items: { item: { id: number } }[] }).items;
    expect(emailItems.map((entry) => entry.item.id)).toEqual([ann]);

    const byPhone = await pd(
      'GET',
      '/api/v2/persons/search?term=15550100199&fields=phone&exact_match=true',
    );
    const phoneItems = (
      byPhone.body.data as { items: { item: { id: number; phones: string[] } }[] }
    ).items;
    expect(phoneItems).toHaveLength(1);
    expect(phoneItems[0]?.item).toMatchObject({ id: ann, phones: ['+1 (555) 010-0199'] });

    const nobody = await pd(
      'GET',
      '/api/v2/persons/search?term=bo%40example.com&fields=email&exact_match=true',
    );
    expect(nobody.body.data).toEqual({ items: [] });

    expectV2Error(await pd('GET', '/api/v2/persons/search?term=a'), 400, /at least 2/);
    expectV2Error(await pd('GET', '/api/v2/persons/search?term=ann&fields=title'), 400, /title/);
  });

  it('creates and reads a person', async () => {
    const created = await pd('POST', '/api/v2/persons', {
      name: 'Bo Park',
      emails: [{ value: 'bo@example.com', primary: true, label: 'work' }],
      phones: [{ value: '+44 20 7946 0000' }],
    });
    expect(created.status).toBe(200);
    const id = data(created).id as number;
    const read = await pd('GET', `/api/v2/persons/${id}`);
    expect(data(read)).toMatchObject({
      name: 'Bo Park',
      emails: [{ value: 'bo@example.com', primary: true, label: 'work' }],
      phones: [{ value: '+44 20 7946 0000', primary: true }],
    });
    expectV2Error(await pd('GET', '/api/v2/persons/999999'), 404, /not found/);
  });

  it('answers invalid bodies with 400 and the Pipedrive error body, storing nothing', async () => {
    const personId = fake.seedPerson({ name: 'Cy' });
    const bad: [unknown, RegExp][] = [
      [{ subject: 'x', type: 'call', due_date: '02/03/2026' }, /due_date/],
      [{ subject: 'x', type: 'call', duration: '95' }, /duration/],
      [{ subject: 'x', type: 'call', done: 1 }, /done/],
      [{ subject: 'x', type: 'call', outcome: 'yes' }, /additional properties/],
      [{ subject: 'x', type: 'phone' }, /Activity type 'phone'/],
      [{ type: 'call' }, /required/],
      [{ subject: 'x', type: 'call', person_id: personId }, /read-only/],
      [{ subject: 'x', type: 'call', participants: [{ person_id: 424242 }] }, /not found/],
      [{ subject: 'x', type: 'call', custom_fields: { abc: '1' } }, /Custom field 'abc'/],
      ['{not json', /Invalid JSON/],
    ];
    for (const [body, pattern] of bad) {
      expectV2Error(await pd('POST', '/api/v2/activities', body), 400, pattern);
    }
    expectV2Error(await pd('POST', '/api/v2/persons', { emails: [] }), 400, /name/);
    expect(fake.activities()).toEqual([]);
  });

  it('answers the deprecated v1 activity and person routes with 410', async () => {
    expectV1Error(
      await pd('POST', '/api/v1/activities', { subject: 'x', type: 'call' }),
      410,
      'Old resource permanently unavailable.',
    );
    expectV1Error(
      await pd('GET', '/v1/persons/search?term=ann'),
      410,
      'Old resource permanently unavailable.',
    );
  });

  it('takes the token from the x-api-token header too', async () => {
    expect(
      (await pd('GET', '/api/v1/activityTypes', undefined, { header: fake.token })).status,
    ).toBe(200);
  });

  it('answers 401 with the Pipedrive body without a token or with a wrong one', async () => {
    for (const auth of [{ query: null }, { query: 'not-the-token' }, { header: 'nope' }]) {
      expectV1Error(
        await pd('GET', '/api/v1/activityTypes', undefined, auth),
        401,
        'unauthorized access',
      );
    }
  });
});

describe('the Pipedrive fake rate limit', () => {
  it('answers 429 with the documented headers once a token is over its window, and recovers', async () => {
    let clock = 1_000_000;
    await start({
      tokens: ['one', 'two'],
      rateLimit: { max: 3, intervalMs: 2_000 },
      now: () => clock,
    });
    const remaining: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const answer = await pd('GET', '/api/v1/activityTypes', undefined, { query: 'one' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answer.headers.get('x-ratelimit-reset')).toBe('2');
      remaining.push(answer.headers.get('x-ratelimit-remaining') ?? '');
      clock += 100;
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await pd('GET', '/api/v1/activityTypes', undefined, { query: 'one' });
    expectV1Error(limited, 429, 'Request over limit');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // 2000 ms window, first hit 300 ms ago: 1700 ms left, rounded up to whole seconds.
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2');

    // Per token, as documented.
    expect((await pd('GET', '/api/v1/activityTypes', undefined, { query: 'two' })).status).toBe(
      200,
    );

    clock += 1_701;
    const recovered = await pd('GET', '/api/v1/activityTypes', undefined, { query: 'one' });
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});

describe('the Pipedrive fake fault switches', () => {
  beforeEach(async () => {
    await start();
  });

  const call = { subject: 'Call', type: 'call' };

  it('forces statuses in order, with the Pipedrive body for each', async () => {
    fake.faults.next({ status: 429 });
    fake.faults.next({ status: 401 });
    fake.faults.next({ status: 500 });
    const limited = await pd('GET', '/api/v1/activityTypes');
    expectV1Error(limited, 429, 'Request over limit');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expectV1Error(await pd('GET', '/api/v1/activityTypes'), 401, 'unauthorized access');
    expectV1Error(await pd('GET', '/api/v1/activityTypes'), 500, 'Internal server error');
    expect((await pd('GET', '/api/v1/activityTypes')).status).toBe(200);
    expect(fake.faults.pending()).toBe(0);
  });

  it('answers a 502 as a gateway does: not JSON', async () => {
    fake.faults.next({ status: 502 });
    const response = await fetch(`${fake.baseUrl}/api/v1/activityTypes?api_token=${fake.token}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    await response.arrayBuffer();
  });

  it('fails the nth request from now and leaves the others alone', async () => {
    fake.faults.nth(2, { status: 503 });
    const statuses: number[] = [];
    for (let n = 0; n < 3; n += 1) statuses.push(await statusOf('/api/v1/activityTypes'));
    expect(statuses).toEqual([200, 503, 200]);
  });

  it('a forced failure stores nothing, and the log shows it', async () => {
    fake.faults.next({ status: 500 });
    await pd('POST', '/api/v2/activities', call);
    expect(fake.activities()).toEqual([]);
    expect(fake.requests()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v2/activities',
      status: 500,
    });
  });

  it('drops the socket without an answer: fetch sees a network error', async () => {
    fake.faults.next({ dropSocket: true });
    await expect(pd('POST', '/api/v2/activities', call)).rejects.toThrow(TypeError);
    expect(fake.requests()[0]).toMatchObject({ status: undefined, fault: { dropSocket: true } });
    expect(fake.activities()).toEqual([]);
    expect((await pd('POST', '/api/v2/activities', call)).status).toBe(200);
  });

  it('delays an answer by at least the latency asked for', async () => {
    fake.faults.next({ latencyMs: 150 });
    const started = performance.now();
    const answer = await pd('GET', '/api/v1/activityTypes');
    // A lower bound only (a timer may fire up to a millisecond early against performance.now).
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(answer.status).toBe(200);
  });

  it('a standing fault applies until cleared', async () => {
    fake.faults.always({ status: 503 });
    expect(await statusOf('/api/v1/activityTypes')).toBe(503);
    expect(await statusOf('/api/v1/activityTypes')).toBe(503);
    fake.faults.clear();
    expect(await statusOf('/api/v1/activityTypes')).toBe(200);
  });
});
