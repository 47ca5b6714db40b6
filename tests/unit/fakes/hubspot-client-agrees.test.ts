// Is the fake faithful? HubSpot's official Node client, pointed at it, must send what the fake's
// schemas accept and (de)serialise what the fake answers, through the same calls the connector
// makes. A mismatch here is a bug in the fake: fix the fake, not this test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as CallCategory } from '@hubspot/api-client/lib/codegen/crm/objects/calls';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import {
  ASSOCIATION_TYPE_IDS,
  DEFAULT_DISPOSITIONS,
  startHubSpotFake,
  type HubSpotFake,
} from '../../fakes/hubspot';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const KEY = 'second_call_outcome_key';

let fake: HubSpotFake;
let client: Client;
beforeEach(async () => {
  fake = await startHubSpotFake();
  client = new Client({ accessToken: fake.token, basePath: fake.baseUrl });
});
afterEach(async () => {
  await fake.stop();
});

/** The client's models declare Dates: a timestamp the fake sends must parse into a real one. */
function expectDate(value: unknown) {
  expect(value).toBeInstanceOf(Date);
  expect(Number.isNaN((value as Date).getTime())).toBe(false);
}

/** The error the client throws, for its status and the parsed body. */
async function clientError(promise: Promise<unknown>): Promise<{ code: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { code, body } = error as { code: number; body: unknown };
    return { code, body };
  }
  throw new Error('expected the client to throw');
}

describe('HubSpot’s official client against the fake', () => {
  it('round-trips a call with its contact: create, read, update, search, delete', async () => {
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'ann@example.com', firstname: 'Ann', phone: '+15550100' },
      associations: [],
    });
    expect(contact.id).toMatch(/^\d+$/);
    expectDate(contact.createdAt);

    const property = await client.crm.properties.coreApi.create('calls', {
      name: KEY,
      label: 'Second Call outcome key',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'callinfo',
      hasUniqueValue: true,
    });
    expect(property).toMatchObject({ name: KEY, hasUniqueValue: true });
    const readProperty = await client.crm.properties.coreApi.getByName('calls', KEY);
    expect(readProperty.modificationMetadata?.readOnlyValue).toBe(false);
    expectDate(readProperty.createdAt);

    const created = await client.crm.objects.calls.basicApi.create({
      properties: {
        hs_timestamp: '2026-03-02T15:04:05.000Z',
        hs_call_title: 'Follow-up with Ann Lee',
        hs_call_body: 'Asked for a quote',
        hs_call_direction: 'OUTBOUND',
        hs_call_disposition: CONNECTED,
        hs_call_status: 'COMPLETED',
        hs_call_duration: '95000',
        [KEY]: 'attempt-1',
      },
      associations: [
        {
          to: { id: contact.id },
          types: [
            {
              associationCategory: CallCategory.HubspotDefined,
              associationTypeId: ASSOCIATION_TYPE_IDS.callToContact,
            },
          ],
        },
      ],
    });
    expect(created.properties.hs_call_title).toBe('Follow-up with Ann Lee');
    expectDate(created.createdAt);
    expectDate(created.updatedAt);

    const read = await client.crm.objects.calls.basicApi.getById(
      created.id,
      ['hs_call_title', 'hs_call_disposition', 'hs_timestamp', KEY],
      undefined,
      ['contacts'],
    );
    expect(read.properties).toEqual({
      hs_call_title: 'Follow-up with Ann Lee',
      hs_call_disposition: CONNECTED,
      hs_timestamp: '2026-03-02T15:04:05.000Z',
      [KEY]: 'attempt-1',
    });
    expect(read.associations?.contacts?.results).toEqual([
      { id: contact.id, type: 'call_to_contact' },
    ]);

    const updated = await client.crm.objects.calls.basicApi.update(created.id, {
      properties: { hs_call_body: 'Quote sent' },
    });
    expect(updated.properties.hs_call_body).toBe('Quote sent');
    expectDate(updated.updatedAt);

    const found = await client.crm.objects.calls.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: KEY, operator: FilterOperatorEnum.Eq, value: 'attempt-1' }] },
      ],
      properties: [KEY],
      limit: 10,
      after: '0',
      sorts: ['-hs_timestamp'],
    });
    expect(found.total).toBe(1);
    expect(found.results[0]?.id).toBe(created.id);

    // The unique key refuses a second create, and the client reports HubSpot's 409.
    const again = await clientError(
      client.crm.objects.calls.basicApi.create({
        properties: { hs_timestamp: '2026-03-02T15:04:05.000Z', [KEY]: 'attempt-1' },
        associations: [],
      }),
    );
    expect(again.code).toBe(409);
    expect(again.body).toMatchObject({ category: 'CONFLICT' });

    await client.crm.objects.calls.basicApi.archive(created.id);
    const gone = await clientError(client.crm.objects.calls.basicApi.getById(created.id));
    expect(gone.code).toBe(404);
    expect(gone.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(fake.calls()).toEqual([]);
  });

  it('searches contacts by email and phone, and reads one back', async () => {
    const ann = fake.seedContact({ email: 'ann@example.com', phone: '+15550100', lastname: 'Lee' });
    const byEmail = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'email', operator: FilterOperatorEnum.Eq, value: 'ann@example.com' },
          ],
        },
      ],
      properties: ['email', 'lastname'],
      limit: 1,
    });
    expect(byEmail.results.map((contact) => contact.id)).toEqual([ann]);
    expectDate(byEmail.results[0]?.createdAt);

    const byPhone = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [{ propertyName: 'phone', operator: FilterOperatorEnum.Eq, value: '+15550100' }],
        },
        {
          filters: [
            { propertyName: 'mobilephone', operator: FilterOperatorEnum.Eq, value: '+15550100' },
          ],
        },
      ],
    });
    expect(byPhone.total).toBe(1);

    const read = await client.crm.contacts.basicApi.getById(ann, ['email', 'phone']);
    expect(read.properties).toEqual({ email: 'ann@example.com', phone: '+15550100' });

    const duplicate = await clientError(
      client.crm.contacts.basicApi.create({
        properties: { email: 'ann@example.com' },
        associations: [],
      }),
    );
    expect(duplicate.code).toBe(409);
  });

  it('creates a task on a contact', async () => {
    const contactId = fake.seedContact({ email: 'bo@example.com' });
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: String(Date.UTC(2026, 2, 3, 9)),
        hs_task_subject: 'Call Bo back',
        hs_task_body: 'About the quote',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
      },
      associations: [
        {
          to: { id: contactId },
          types: [
            {
              associationCategory: CallCategory.HubspotDefined,
              associationTypeId: ASSOCIATION_TYPE_IDS.taskToContact,
            },
          ],
        },
      ],
    });
    expectDate(task.createdAt);
    const read = await client.crm.objects.tasks.basicApi.getById(
      task.id,
      ['hs_task_subject'],
      undefined,
      ['contacts'],
    );
    expect(read.properties.hs_task_subject).toBe('Call Bo back');
    expect(read.associations?.contacts?.results).toEqual([
      { id: contactId, type: 'task_to_contact' },
    ]);
    expect(fake.tasks()).toHaveLength(1);
  });

  it('reads the call outcomes through the client’s generic request (it has no model for them)', async () => {
    const response = await client.apiRequest({ method: 'GET', path: '/calling/v1/dispositions' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(DEFAULT_DISPOSITIONS);
  });

  it('sends the bearer token the fake checks, and reports its 401', async () => {
    const stranger = new Client({ accessToken: 'not-the-token', basePath: fake.baseUrl });
    const refused = await clientError(stranger.crm.contacts.basicApi.getById('1'));
    expect(refused.code).toBe(401);
    expect(refused.body).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    expect(fake.requests().at(-1)?.authorization).toBe('Bearer not-the-token');
  });

  it('reports a 400 with HubSpot’s error body as the client’s typed error', async () => {
    const refused = await clientError(
      client.crm.objects.calls.basicApi.create({
        properties: { hs_timestamp: 'yesterday' },
        associations: [],
      }),
    );
    expect(refused.code).toBe(400);
    expect(refused.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });
});
