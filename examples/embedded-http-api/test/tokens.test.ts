import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmApp } from '../src/app.js';
import type { OpenedStores } from '../src/openStore.js';
import { openStores } from '../src/openStore.js';

// The service checks signed actor tokens itself: a forged or expired one is refused with 401
// and the reason, nothing is written, and X-Actor is no longer believed.

const directory = mkdtempSync(join(tmpdir(), 'crm-http-tokens-'));
const secret = new TextEncoder().encode('http-example-test-secret-32-bytes-long!');
const trust = {
  issuer: 'https://sso.acme.example',
  keys: [{ kty: 'oct', kid: 'k-2026', k: Buffer.from(secret).toString('base64url') }],
};
let stores: OpenedStores;
let app: ReturnType<typeof createCrmApp>;

beforeAll(() => {
  stores = openStores({ file: join(directory, 'crm.db') });
  app = createCrmApp({
    ...stores,
    tenantId: 'acme',
    tenantKey: 'test-tenant-key',
    tokenTrust: trust,
    reportFault: () => undefined,
  });
});
afterAll(async () => {
  await stores.close();
  rmSync(directory, { recursive: true, force: true });
});

const token = (role: string, key: Uint8Array = secret, expires: string | number = '5m') =>
  new SignJWT({ roles: [role] })
    .setProtectedHeader({ alg: 'HS256', kid: 'k-2026' })
    .setSubject('admin-1')
    .setIssuer(trust.issuer)
    .setExpirationTime(expires)
    .sign(key);

const register = (headers: Record<string, string>, customerId: string) =>
  app.request(`/customers/${customerId}/commands`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `0195a000-0000-7000-8000-${customerId.padStart(12, '0')}`,
      ...headers,
    },
    body: JSON.stringify({ kind: 'RegisterCustomer', customerKind: 'company', name: 'Acme' }),
  });

const events = async () => {
  let n = 0;
  for await (const _ of stores.store.readAll()) n += 1;
  return n;
};

describe('signed actor tokens over HTTP', () => {
  it('refuses a forged, an expired or a missing token with 401 and why, writing nothing', async () => {
    const forged = await token('administrator', new TextEncoder().encode('x'.repeat(40)));
    const expired = await token('administrator', secret, Math.floor(Date.now() / 1000) - 60);
    const cases = [
      [{ authorization: `Bearer ${forged}` }, 'signature does not match'],
      [{ authorization: `Bearer ${expired}` }, 'expired'],
      [{ 'x-actor': 'admin-1:administrator' }, 'Authorization: Bearer'],
    ] as const;
    for (const [n, [headers, why]] of cases.entries()) {
      const response = await register(headers, `1${String(n)}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toContain(why);
    }
    expect(await events()).toBe(0);
  });

  it('acts as the actor a valid token names', async () => {
    const response = await register(
      { authorization: `Bearer ${await token('administrator')}` },
      '20',
    );
    expect(response.status).toBe(200);
    const [event] = await (async () => {
      const all = [];
      for await (const e of stores.store.readAll()) all.push(e);
      return all;
    })();
    expect(event?.metadata.actor).toEqual({ id: 'admin-1', role: 'administrator' });
  });
});
