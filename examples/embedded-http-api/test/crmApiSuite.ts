import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStores } from '../src/openStore.js';
import { newKey, startService } from './crmService.js';
import { openApiValidator } from './openApiValidator.js';

/**
 * The CRM service's HTTP contract, run against a store opened by `open` (SQLite, PostgreSQL):
 * the same requests must get the same answers on every engine.
 */
export const describeCrmApi = (engine: string, open: () => Promise<OpenedStores>) => {
  describe(`the CRM service over HTTP on ${engine}`, () => {
    let stores: OpenedStores;
    let service: ReturnType<typeof startService>;
    beforeAll(async () => {
      stores = await open();
      service = startService(stores);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    afterAll(async () => {
      await service.stop();
      await stores.close();
    });

    const request = (path: string, init: RequestInit = {}) =>
      fetch(`${service.base()}${path}`, init);
    const read = (path: string, actor: string) => request(path, { headers: { 'x-actor': actor } });
    const send = (
      path: string,
      body: unknown,
      headers: Record<string, string> = {},
      actor = 'ada:sales_rep',
    ) =>
      request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': newKey(),
          'x-actor': actor,
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    /** How many events the log holds, as an auditor counts them. */
    const logLength = async () => {
      let count = 0;
      let after = '';
      for (;;) {
        const page = (await (
          await read(`/events?limit=100&after=${after}`, 'aud:auditor')
        ).json()) as { items: unknown[]; next: string | null };
        count += page.items.length;
        if (page.next === null) return count;
        after = page.next;
      }
    };
    /** A problem-details answer: its media type and the members every problem has. */
    const problemOf = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        type: expect.stringMatching(/^\/problems\//),
        title: expect.any(String),
        status,
        detail: expect.any(String),
        instance: expect.any(String),
      });
      return body;
    };

    const acme = {
      kind: 'RegisterCustomer',
      customerKind: 'company',
      name: 'Acme Trading',
      emails: ['buyer@acme.example'],
      region: 'EMEA',
      ownerId: 'ada',
    };

    it('does a retried command once: the same Idempotency-Key answers the first result', async () => {
      const key = newKey();
      const first = await send('/customers/cus-1/commands', acme, { 'idempotency-key': key });
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe('"0"');
      const before = await logLength();
      const retry = await send('/customers/cus-1/commands', acme, { 'idempotency-key': key });
      expect(retry.status).toBe(200);
      expect(retry.headers.get('etag')).toBe('"0"');
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toMatchObject({ duplicate: true, revision: '0', events: [] });
      expect(await logLength()).toBe(before);
    });

    it('applies a command only to the revision If-Match names: a stale one answers 412', async () => {
      const current = await read('/customers/cus-1', 'ada:sales_rep');
      expect(current.headers.get('etag')).toBe('"0"');
      const tag = { kind: 'TagCustomer', add: ['key-account'] };
      const fresh = await send('/customers/cus-1/commands', tag, { 'if-match': '"0"' });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe('"1"');
      const before = await logLength();
      const stale = await send(
        '/customers/cus-1/commands',
        { kind: 'TagCustomer', add: ['late'] },
        { 'if-match': '"0"' },
      );
      expect(await problemOf(stale, 412)).toMatchObject({
        type: '/problems/precondition-failed',
        currentRevision: '1',
      });
      expect(await logLength()).toBe(before);
      // Two writers who both read revision 1: the store lets exactly one of them through.
      const racing = await Promise.all(
        ['first', 'second'].map((label) =>
          send(
            '/customers/cus-1/commands',
            { kind: 'TagCustomer', add: [label] },
            { 'if-match': '"1"' },
          ),
        ),
      );
      expect(racing.map((response) => response.status).sort()).toEqual([200, 412]);
      const malformed = await send('/customers/cus-1/commands', tag, { 'if-match': 'W/"1"' });
      expect(await problemOf(malformed, 400)).toMatchObject({
        errors: [{ field: 'If-Match', reason: expect.any(String) }],
      });
    });

    it('refuses an actor whose role lacks the permission, naming it, and writes nothing', async () => {
      const before = await logLength();
      const colleague = await send(
        '/customers/cus-1/commands',
        { kind: 'TagCustomer', add: ['mine-now'] },
        {},
        'bob:sales_rep',
      );
      expect(await problemOf(colleague, 403)).toMatchObject({
        type: '/problems/forbidden',
        permission: 'Customer.TagCustomer',
      });
      expect(await logLength()).toBe(before);
      expect(await problemOf(await read('/customers/cus-1', 'bob:sales_rep'), 403)).toMatchObject({
        permission: 'Customer.read',
      });
      expect((await read('/customers/cus-1', 'sam:support_agent')).status).toBe(200);
      expect(await problemOf(await read('/events', 'ada:sales_rep'), 403)).toMatchObject({
        permission: 'Log.audit',
      });
    });

    it('answers a body that does not decode with 400 and one reason per wrong field', async () => {
      const before = await logLength();
      const invalid = await send('/leads/lead-1/commands', {
        kind: 'CaptureLead',
        contact: { email: 'not-an-email' },
      });
      const body = await problemOf(invalid, 400);
      expect(body['errors']).toEqual([
        { field: 'source', reason: expect.any(String) },
        { field: 'contact.email', reason: expect.stringContaining('not an email address') },
      ]);
      const unknown = await send('/leads/lead-1/commands', { kind: 'FlyToTheMoon' });
      expect((await problemOf(unknown, 400))['errors']).toEqual([
        { field: 'kind', reason: expect.stringContaining('CaptureLead') },
      ]);
      const erased = await send('/leads/lead-1/commands', {
        kind: 'CaptureLead',
        source: 'web',
        contact: { name: { $erased: true } },
      });
      expect((await problemOf(erased, 400))['errors']).toEqual([
        { field: 'contact.name', reason: expect.stringContaining('erased') },
      ]);
      const notJson = await send('/leads/lead-1/commands', '{not json');
      expect((await problemOf(notJson, 400))['errors']).toEqual([
        { field: '(body)', reason: expect.stringContaining('not JSON') },
      ]);
      const otherId = await send('/leads/lead-1/commands', {
        kind: 'CaptureLead',
        leadId: 'lead-2',
        source: 'web',
      });
      expect((await problemOf(otherId, 400))['errors']).toEqual([
        { field: 'leadId', reason: expect.stringContaining('lead-1') },
      ]);
      const anonymous = await request('/leads/lead-1/commands', { method: 'POST', body: '{}' });
      expect((await problemOf(anonymous, 400))['errors']).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'X-Actor' }),
          expect.objectContaining({ field: 'Idempotency-Key' }),
        ]),
      );
      expect(await logLength()).toBe(before);
    });

    it('refuses a body over the limit with 413', async () => {
      const huge = { ...acme, note: 'x'.repeat(5000) };
      expect(await problemOf(await send('/customers/cus-9/commands', huge), 413)).toMatchObject({
        type: '/problems/body-too-large',
      });
    });

    it('answers 404 for a record or a route that does not exist', async () => {
      expect(await problemOf(await read('/customers/nobody', 'ada:sales_rep'), 404)).toMatchObject({
        type: '/problems/not-found',
      });
      expect(await problemOf(await read('/leads/nobody', 'ada:sales_rep'), 404)).toBeDefined();
      expect(await problemOf(await read('/nowhere', 'ada:sales_rep'), 404)).toBeDefined();
    });

    it('refuses a rule-breaking command with 409 naming the rule: a second customer with the same email', async () => {
      const duplicate = await send('/customers/cus-2/commands', {
        ...acme,
        name: 'Acme Trading GmbH',
        emails: ['BUYER@acme.example'],
      });
      expect(await problemOf(duplicate, 409)).toMatchObject({
        type: '/problems/rule-refused',
        refusal: { kind: 'DuplicateCustomer', existingCustomerId: 'cus-1' },
      });
    });

    it('serves the customers read model in pages, each within the reader’s scope', async () => {
      for (const id of ['cus-3', 'cus-4', 'cus-5', 'cus-6']) {
        const registered = await send(`/customers/${id}/commands`, {
          kind: 'RegisterCustomer',
          customerKind: 'company',
          name: `Company ${id}`,
          ownerId: id === 'cus-6' ? 'bob' : 'ada',
        });
        expect(registered.status).toBe(200);
      }
      const pages: string[][] = [];
      let path = '/customers?limit=2';
      for (;;) {
        const response = await read(path, 'ada:sales_rep');
        expect(response.status).toBe(200);
        const page = (await response.json()) as {
          items: { customerId: string }[];
          next: string | null;
        };
        pages.push(page.items.map((customer) => customer.customerId));
        const link = response.headers.get('link');
        if (page.next === null) {
          expect(link).toBeNull();
          break;
        }
        path = link?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? 'no link';
      }
      expect(pages).toEqual([
        ['cus-1', 'cus-3'],
        ['cus-4', 'cus-5'],
      ]);
      const all = (await (await read('/customers?limit=100', 'adm:administrator')).json()) as {
        items: unknown[];
      };
      expect(all.items).toHaveLength(5);
      const badLimit = await read('/customers?limit=0', 'ada:sales_rep');
      expect((await problemOf(badLimit, 400))['errors']).toEqual([
        { field: 'limit', reason: expect.any(String) },
      ]);
    });

    it('serves an OpenAPI 3.1 document whose schemas accept the commands sent here', async () => {
      const response = await read('/openapi.json', 'ada:sales_rep');
      expect(response.status).toBe(200);
      const validator = await openApiValidator(await response.json());
      expect(validator.documentErrors).toEqual([]);
      expect(
        validator.requestErrors('/customers/{id}/commands', { ...acme, customerId: 'c' }),
      ).toEqual([]);
      expect(
        validator.requestErrors('/leads/{id}/commands', {
          kind: 'CaptureLead',
          leadId: 'l',
          source: 'web',
        }),
      ).toEqual([]);
      expect(
        validator.requestErrors('/leads/{id}/commands', { kind: 'CaptureLead', leadId: 'l' }),
      ).not.toEqual([]);
    });
  });
};
