import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createCrmApp } from '../src/app.js';

const app = createCrmApp({
  store: createInMemoryEventStore(),
  tenantId: 'acme',
  tenantKey: 'test-tenant-key',
  now: () => new Date('2026-03-03T09:00:00Z'),
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

let sequence = 0;
/** A GET as an actor, with the headers an authenticating proxy would set. */
const read = (path: string, actorId: string, role: string) =>
  fetch(`${base}${path}`, { headers: { 'x-actor-id': actorId, 'x-actor-role': role } });
/** The log as an auditor reads it. */
const log = async () => (await (await read('/events', 'aud-1', 'auditor')).json()) as unknown[];

const send = (
  path: string,
  body: unknown,
  idempotencyKey = `0193c000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      'x-actor-id': 'rep-ada',
      'x-actor-role': 'sales_rep',
    },
    body: JSON.stringify(body),
  });

describe('the embedded CRM service over HTTP', () => {
  it('registers a customer and serves its state', async () => {
    const created = await send('/customers/commands', {
      kind: 'RegisterCustomer',
      customerId: 'cus-1',
      customerKind: 'company',
      name: 'Acme Trading',
      emails: ['buyer@acme.example'],
      region: 'EMEA',
      ownerId: 'rep-ada',
    });
    expect(created.status).toBe(201);
    const state = (await (await read('/customers/cus-1', 'rep-ada', 'sales_rep')).json()) as {
      registered?: { name: string };
    };
    expect(JSON.stringify(state)).toContain('Acme Trading');
  });

  it('serves a record only to a caller whose role may read it: 403 naming the permission otherwise', async () => {
    const colleague = await read('/customers/cus-1', 'rep-bob', 'sales_rep');
    expect(colleague.status).toBe(403);
    expect(await colleague.json()).toMatchObject({
      kind: 'Forbidden',
      denial: { permission: 'Customer.read', actorId: 'rep-bob' },
    });
    expect((await read('/customers/cus-1', 'agent-1', 'support_agent')).status).toBe(200);
    const rawLog = await read('/events', 'rep-ada', 'sales_rep');
    expect(rawLog.status).toBe(403);
    expect(await rawLog.json()).toMatchObject({ denial: { permission: 'Log.audit' } });
    expect((await fetch(`${base}/customers/cus-1`)).status).toBe(400);
  });

  it('rejects a second customer with the same email, naming the existing one', async () => {
    const duplicate = await send('/customers/commands', {
      kind: 'RegisterCustomer',
      customerId: 'cus-2',
      customerKind: 'company',
      name: 'Acme Trading GmbH',
      emails: ['BUYER@acme.example'],
    });
    expect(duplicate.status).toBe(422);
    expect(JSON.stringify(await duplicate.json())).toContain('cus-1');
  });

  it('answers invalid input with 400 and the failing field, and appends nothing', async () => {
    const before = (await log()).length;
    const invalid = await send('/leads/commands', {
      kind: 'CaptureLead',
      leadId: 'lead-1',
      contact: { email: 'not-an-email' },
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { problems: string[] };
    expect(body.problems.join('\n')).toMatch(/source/);
    expect((await log()).length).toBe(before);
  });

  it('does a retried command once, recognising its idempotency key', async () => {
    const command = {
      kind: 'CaptureLead',
      leadId: 'lead-2',
      source: 'web form',
      contact: { name: 'Zoë Li' },
    };
    const first = await send('/leads/commands', command, '0193c000-0000-7000-8000-0000000000ff');
    const retry = await send('/leads/commands', command, '0193c000-0000-7000-8000-0000000000ff');
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(((await retry.json()) as { duplicate: boolean }).duplicate).toBe(true);
  });

  it('requires an idempotency key and an actor', async () => {
    const response = await fetch(`${base}/leads/commands`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('Idempotency-Key');
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await fetch(`${base}/leads/commands`, {
      method: 'POST',
      headers: {
        'idempotency-key': '0193c000-0000-7000-8000-0000000000aa',
        'x-actor-id': 'a',
        'x-actor-role': 'sales_rep',
      },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });
});
