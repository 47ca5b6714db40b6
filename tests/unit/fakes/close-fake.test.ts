// What a Close connector relies on, asked of the contract fake over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloseFake, type CloseFake, type CloseFakeOptions } from '../../fakes/close';
import { sendJson, type Answer } from './answer';

let fake: CloseFake;
async function start(options: CloseFakeOptions = {}) {
  fake = await startCloseFake(options);
}
afterEach(async () => {
  await fake.stop();
});

const basic = (key: string, password = '') =>
  `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;

async function cl(
  method: string,
  path: string,
  body?: unknown,
  authorization?: string | null,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = authorization === undefined ? basic(fake.apiKey) : authorization;
  if (auth !== null) headers.authorization = auth;
  return sendJson(`${fake.baseUrl}${path}`, method, headers, body);
}

async function statusOf(path: string): Promise<number> {
  const response = await fetch(`${fake.baseUrl}${path}`, {
    headers: { authorization: basic(fake.apiKey) },
  });
  await response.arrayBuffer();
  return response.status;
}

/** Close's error shape: `error`, with `field-errors` naming the fields at fault. */
function expectCloseError(answer: Answer, status: number, fields: string[] = []) {
  expect(answer.status).toBe(status);
  expect(typeof answer.body.error).toBe('string');
  const fieldErrors = answer.body['field-errors'] as Record<string, string>;
  for (const field of fields) expect(fieldErrors[field]).toEqual(expect.any(String));
}

describe('the Close fake', () => {
  beforeEach(async () => {
    await start();
  });

  it('serves on 127.0.0.1 under /close', () => {
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/close$/);
  });

  it('logs, reads, updates and deletes a call on a lead and contact', async () => {
    const { leadId, contactId } = fake.seedLead({
      name: 'Acme',
      contact: 'Ann Lee',
      emails: ['ann@example.com'],
    });
    const created = await cl('POST', '/api/v1/activity/call/', {
      lead_id: leadId,
      contact_id: contactId,
      direction: 'outbound',
      duration: 95,
      note: 'Asked for a quote',
      phone: '+15550100199',
      disposition: 'answered',
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(id).toMatch(/^acti_/);
    expect(created.body).toMatchObject({
      _type: 'Call',
      lead_id: leadId,
      contact_id: contactId,
      status: 'completed',
      duration: 95,
      disposition: 'answered',
      user_id: fake.userId,
    });
    expect(created.headers.get('ratelimit')).toBe('limit=20, remaining=19, reset=1');

    const read = await cl('GET', `/api/v1/activity/call/${id}/`);
    expect(read.body).toMatchObject({ id, note: 'Asked for a quote' });

    const updated = await cl('PUT', `/api/v1/activity/call/${id}/`, {
      note_html: '<p>Quote sent</p>',
    });
    expect(updated.body).toMatchObject({ note_html: '<p>Quote sent</p>', note: 'Quote sent' });

    const listed = await cl('GET', `/api/v1/activity/call/?lead_id=${leadId}`);
    expect(listed.body).toMatchObject({ has_more: false });
    expect(listed.body.data).toHaveLength(1);

    expect((await cl('DELETE', `/api/v1/activity/call/${id}/`)).status).toBe(200);
    expectCloseError(await cl('GET', `/api/v1/activity/call/${id}/`), 404);
    expect(fake.calls()).toEqual([]);
  });

  it('creates and completes a task on a lead', async () => {
    const { leadId } = fake.seedLead({ name: 'Bo Ltd', contact: 'Bo' });
    const created = await cl('POST', '/api/v1/task/', {
      lead_id: leadId,
      text: 'Call Bo back',
      date: '2026-03-03T09:00:00+00:00',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ _type: 'lead', is_complete: false, is_dateless: false });
    const id = created.body.id as string;
    const done = await cl('PUT', `/api/v1/task/${id}/`, { is_complete: true });
    expect(done.body).toMatchObject({ is_complete: true });
    expect(fake.tasks()).toEqual([expect.objectContaining({ id, is_complete: true })]);
  });

  it('finds exactly the seeded lead by email or phone, and lists its contacts', async () => {
    const { leadId, contactId } = fake.seedLead({
      name: 'Acme',
      contact: 'Ann Lee',
      emails: ['Ann@Example.com'],
      phones: ['+1 (555) 010-0199'],
    });
    fake.seedLead({
      name: 'Other',
      contact: 'Annie',
      emails: ['annie@example.com'],
      phones: ['+1 555 010 0100'],
    });

    const byEmail = await cl(
      'GET',
      `/api/v1/lead/?query=${encodeURIComponent('email:"ann@example.com"')}`,
    );
    expect(byEmail.status).toBe(200);
    expect((byEmail.body.data as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);
    expect(byEmail.body.total_results).toBe(1);

    const byPhone = await cl(
      'GET',
      `/api/v1/lead/?query=${encodeURIComponent('phone:"+15550100199"')}`,
    );
    expect((byPhone.body.data as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);

    const nobody = await cl(
      'GET',
      `/api/v1/lead/?query=${encodeURIComponent('email:"bo@example.com"')}`,
    );
    expect(nobody.body.data).toEqual([]);

    const contacts = await cl('GET', `/api/v1/contact/?lead_id=${leadId}`);
    expect((contacts.body.data as { id: string }[]).map((c) => c.id)).toEqual([contactId]);
    expect((await cl('GET', `/api/v1/contact/${contactId}/`)).body).toMatchObject({
      name: 'Ann Lee',
      emails: [{ email: 'Ann@Example.com', type: 'office' }],
    });
  });

  it('answers invalid input with 400 and field-errors, storing nothing', async () => {
    const { leadId, contactId } = fake.seedLead({ name: 'Acme', contact: 'Ann' });
    const other = fake.seedLead({ name: 'Other', contact: 'Bo' });
    const bad: [unknown, string[]][] = [
      [{ direction: 'outbound' }, ['lead_id']],
      [{ lead_id: leadId, direction: 'sideways' }, ['direction']],
      [{ lead_id: leadId, duration: -1 }, ['duration']],
      [{ lead_id: leadId, disposition: 'maybe' }, ['disposition']],
      [{ lead_id: leadId, recording_url: 'http://example.com/a.mp3' }, ['recording_url']],
      // Calls carry no custom fields in Close: the idempotency key cannot live on them.
      [{ lead_id: leadId, 'custom.cf_outcome_key': 'k1' }, ['custom.cf_outcome_key']],
      [{ lead_id: 'lead_doesnotexist' }, ['lead_id']],
      [{ lead_id: leadId, contact_id: other.contactId }, ['contact_id']],
      ['{not json', []],
    ];
    for (const [body, fields] of bad) {
      expectCloseError(await cl('POST', '/api/v1/activity/call/', body), 400, fields);
    }
    expectCloseError(await cl('POST', '/api/v1/task/', { lead_id: leadId }), 400, ['text']);
    expectCloseError(
      await cl('POST', '/api/v1/task/', { lead_id: leadId, text: 'x', date: 'tomorrow' }),
      400,
      ['date'],
    );
    expect(fake.calls()).toEqual([]);
    expect(fake.tasks()).toEqual([]);
    expect(contactId).toMatch(/^cont_/);
  });

  it('answers 401 in the Close shape without a key, with a wrong one, or with a password', async () => {
    for (const authorization of [
      null,
      basic('api_wrong'),
      basic(fake.apiKey, 'secret'),
      `Bearer ${fake.apiKey}`,
    ]) {
      expectCloseError(await cl('GET', '/api/v1/contact/', undefined, authorization), 401);
    }
  });
});

describe('the Close fake rate limit', () => {
  it('answers 429 with rate_reset and the ratelimit header once a key is over its window, and recovers', async () => {
    let clock = 1_000_000;
    await start({
      apiKeys: ['api_one', 'api_two'],
      rateLimit: { max: 3, intervalMs: 1_000 },
      now: () => clock,
    });
    const headers: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const answer = await cl('GET', '/api/v1/contact/', undefined, basic('api_one'));
      expect(answer.status).toBe(200);
      headers.push(answer.headers.get('ratelimit') ?? '');
      clock += 100;
    }
    expect(headers).toEqual([
      'limit=3, remaining=2, reset=1',
      'limit=3, remaining=1, reset=1',
      'limit=3, remaining=0, reset=1',
    ]);

    const limited = await cl('GET', '/api/v1/contact/', undefined, basic('api_one'));
    expect(limited.status).toBe(429);
    // The first request leaves the window 700 ms from now.
    expect(limited.body.error).toMatchObject({ rate_reset: 0.7, rate_limit: 3, rate_window: 1 });
    expect(limited.headers.get('ratelimit')).toBe('limit=3, remaining=0, reset=1');
    expect(limited.headers.get('retry-after')).toBe('1');

    expect((await cl('GET', '/api/v1/contact/', undefined, basic('api_two'))).status).toBe(200);

    clock += 701;
    expect((await cl('GET', '/api/v1/contact/', undefined, basic('api_one'))).status).toBe(200);
  });
});

describe('the Close fake fault switches', () => {
  beforeEach(async () => {
    await start();
  });

  it('forces statuses in order, with the Close body for each', async () => {
    fake.faults.next({ status: 429 });
    fake.faults.next({ status: 401 });
    fake.faults.next({ status: 500 });
    const limited = await cl('GET', '/api/v1/contact/');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ rate_reset: expect.any(Number) as number });
    expectCloseError(await cl('GET', '/api/v1/contact/'), 401);
    expectCloseError(await cl('GET', '/api/v1/contact/'), 500);
    expect((await cl('GET', '/api/v1/contact/')).status).toBe(200);
    expect(fake.faults.pending()).toBe(0);
  });

  it('answers a 504 as a gateway does: not JSON', async () => {
    fake.faults.next({ status: 504 });
    const response = await fetch(`${fake.baseUrl}/api/v1/contact/`, {
      headers: { authorization: basic(fake.apiKey) },
    });
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toBe('text/html');
    await response.arrayBuffer();
  });

  it('fails the nth request from now and leaves the others alone', async () => {
    fake.faults.nth(2, { status: 503 });
    const statuses: number[] = [];
    for (let n = 0; n < 3; n += 1) statuses.push(await statusOf('/api/v1/contact/'));
    expect(statuses).toEqual([200, 503, 200]);
  });

  it('drops the socket without an answer: fetch sees a network error, nothing is stored', async () => {
    const { leadId } = fake.seedLead({ name: 'Acme', contact: 'Ann' });
    fake.faults.next({ dropSocket: true });
    await expect(cl('POST', '/api/v1/activity/call/', { lead_id: leadId })).rejects.toThrow(
      TypeError,
    );
    expect(fake.requests()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/activity/call/',
      status: undefined,
      fault: { dropSocket: true },
    });
    expect(fake.calls()).toEqual([]);
    expect((await cl('POST', '/api/v1/activity/call/', { lead_id: leadId })).status).toBe(200);
  });

  it('delays an answer by at least the latency asked for', async () => {
    fake.faults.next({ latencyMs: 150 });
    const started = performance.now();
    const answer = await cl('GET', '/api/v1/contact/');
    // A lower bound only (a timer may fire up to a millisecond early against performance.now).
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect(answer.status).toBe(200);
  });

  it('a standing fault applies until cleared', async () => {
    fake.faults.always({ status: 500 });
    expect(await statusOf('/api/v1/contact/')).toBe(500);
    expect(await statusOf('/api/v1/contact/')).toBe(500);
    fake.faults.clear();
    expect(await statusOf('/api/v1/contact/')).toBe(200);
  });
});
