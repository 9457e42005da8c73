import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmApp } from '../src/app.js';
import type { OpenedStores } from '../src/openStore.js';
import { openStores } from '../src/openStore.js';

const directory = mkdtempSync(join(tmpdir(), 'crm-http-access-log-'));
let stores: OpenedStores;
let app: ReturnType<typeof createCrmApp>;
beforeAll(() => {
  stores = openStores({ file: join(directory, 'crm.db') });
  app = createCrmApp({ ...stores, tenantId: 'acme', tenantKey: 'k', reportFault: () => undefined });
});
afterAll(async () => {
  await stores.close();
  rmSync(directory, { recursive: true, force: true });
});

const read = (path: string, actor: string) =>
  app.request(`http://127.0.0.1${path}`, { headers: { 'x-actor': actor } });
let keys = 0;
const register = (id: string, ownerId: string) =>
  app.request(`http://127.0.0.1/customers/${id}/commands`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `0195b000-0000-7000-8000-${String((keys += 1)).padStart(12, '0')}`,
      'x-actor': 'ada:sales_rep',
    },
    body: JSON.stringify({
      kind: 'RegisterCustomer',
      customerKind: 'company',
      name: `Acme ${id}`,
      ownerId,
    }),
  });

interface LoggedRead {
  readonly type: string;
  readonly data: { readonly through: string; readonly subjects: readonly string[] };
  readonly metadata: { readonly actor: unknown; readonly tenantId?: string };
}
/** Every recorded read in the log, as an auditor pages through it. */
const recordedReads = async (): Promise<LoggedRead[]> => {
  const reads: LoggedRead[] = [];
  let after = '';
  for (;;) {
    const page = (await (await read(`/events?limit=100&after=${after}`, 'aud:auditor')).json()) as {
      items: LoggedRead[];
      next: string | null;
    };
    reads.push(...page.items.filter((event) => event.type === 'PersonalDataRead'));
    if (page.next === null) return reads;
    after = page.next;
  }
};

describe('the CRM service’s access log', () => {
  it('records each read of a customer as the reader, with ids only, before answering; a refused read records nothing', async () => {
    for (const [id, owner] of [
      ['cus-1', 'ada'],
      ['cus-2', 'ada'],
      ['cus-3', 'bob'],
    ] as const)
      expect((await register(id, owner)).status).toBe(200);
    expect((await read('/customers/cus-1', 'ada:sales_rep')).status).toBe(200);
    expect((await read('/customers/cus-1', 'bob:sales_rep')).status).toBe(403);
    expect((await read('/customers?limit=10', 'ada:sales_rep')).status).toBe(200);
    const reads = await recordedReads();
    expect(
      reads.map((event) => [event.metadata.actor, event.data.through, event.data.subjects]),
    ).toEqual([
      [{ id: 'ada', role: 'sales_rep' }, 'api GET /customers/:id', ['cus-1']],
      [{ id: 'ada', role: 'sales_rep' }, 'api GET /customers', ['cus-1', 'cus-2']],
    ]);
    expect(reads.map((event) => event.metadata.tenantId)).toEqual(['acme', 'acme']);
    expect(JSON.stringify(reads)).not.toContain('Acme');
  });
});
