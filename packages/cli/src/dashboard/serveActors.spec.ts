import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorSource, DashboardData } from '@clientele/dashboard';
import { createDashboardApp, createLiveUpdates } from '@clientele/dashboard';
import { ExitCode } from '../exitCodes.js';
import { recordingIo } from '../../test/support/recordingIo.js';
import { serveActors } from './serveActors.js';

const ISSUER = 'https://sso.acme.example';
const dir = mkdtempSync(join(tmpdir(), 'clientele-serve-actors-'));
const keyFile = join(dir, 'keys.json');
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
const trusted = { CLIENTELE_TOKEN_KEYS: keyFile, CLIENTELE_TOKEN_ISSUER: ISSUER };
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signingKey: SigningKey;
let otherKey: SigningKey;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
  const publicKey = { ...(await exportJWK(pair.publicKey)), kid: 'ed-2026' };
  writeFileSync(keyFile, JSON.stringify({ keys: [publicKey] }));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An issuer token for rep-ada (sales_rep), signed by the trusted key unless told otherwise. */
const issued = (
  options: { key?: SigningKey; issuer?: string; expires?: string | number; role?: string } = {},
) =>
  new SignJWT({ roles: [options.role ?? 'sales_rep'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'ed-2026' })
    .setSubject('rep-ada')
    .setIssuer(options.issuer ?? ISSUER)
    .setExpirationTime(options.expires ?? '1h')
    .sign(options.key ?? signingKey);

/** An unsigned token (`alg: none`) claiming to be an administrator. */
const unsigned = (): string => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${part({ alg: 'none', kid: 'ed-2026' })}.${part({ sub: 'eve', iss: ISSUER, exp, roles: ['administrator'] })}.`;
};

/** A data port that answers with the actor it was asked as. */
const data: DashboardData = {
  overview: async (actor) => ({
    kind: 'ok',
    value: { asOf: `${actor.id}:${actor.role}`, kpis: [], charts: [], withheld: [] },
  }),
  analytics: async () => ({ kind: 'notFound', reason: 'none' }),
  drill: async () => ({ kind: 'notFound', reason: 'none' }),
  customer: async () => ({ kind: 'notFound', reason: 'none' }),
  team: async () => ({ kind: 'notFound', reason: 'none' }),
  anomalies: async () => ({ kind: 'notFound', reason: 'none' }),
  follow: async () => undefined,
};

const dashboardAs = (actors: ActorSource) => {
  const app = createDashboardApp({ ...actors, data, live: createLiveUpdates(), appDirectory: dir });
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`http://127.0.0.1:3000${path}`, {
      headers: { host: '127.0.0.1:3000', ...headers },
    });
  const signIn = (token: string) =>
    app.request('http://127.0.0.1:3000/sign-in', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
  return Object.assign(get, { signIn });
};

const sourceOf = async (values: Record<string, string>, env: Record<string, string>) => {
  const io = recordingIo(env, dir);
  const actors = await serveActors({ values }, io);
  return { actors, stderr: io.err.join('') };
};

describe('who the dashboard acts as, with the issuer’s tokens', () => {
  const tokenOnly = async () => {
    const { actors } = await sourceOf({ store: 'postgres://postgres@127.0.0.1/crm' }, trusted);
    if (E.isLeft(actors)) throw new Error('the dashboard should start with trusted keys');
    return dashboardAs(actors.right);
  };
  const refusal = async (response: Response) => ({
    status: response.status,
    reason: ((await response.json()) as { reason: string }).reason,
  });

  it('acts as the actor of a valid issuer token, the one the command line takes, in a header or the sign-in cookie', async () => {
    const get = await tokenOnly();
    const token = await issued();
    const asHeader = await get('/api/overview', { authorization: `Bearer ${token}` });
    expect(await asHeader.json()).toMatchObject({ asOf: 'rep-ada:sales_rep' });
    const asCookie = await get('/api/overview', { cookie: `clientele_token=${token}` });
    expect(await asCookie.json()).toMatchObject({ asOf: 'rep-ada:sales_rep' });
  });

  it('refuses a forged token with 401, saying the signature does not match', async () => {
    const get = await tokenOnly();
    const forged = await issued({ key: otherKey, role: 'administrator' });
    expect(
      await refusal(await get('/api/overview', { authorization: `Bearer ${forged}` })),
    ).toEqual({ status: 401, reason: expect.stringContaining('signature does not match') });
  });

  it('refuses an expired token with 401, saying it expired', async () => {
    const get = await tokenOnly();
    const expired = await issued({ expires: Math.floor(Date.now() / 1000) - 60 });
    expect(
      await refusal(await get('/api/overview', { authorization: `Bearer ${expired}` })),
    ).toEqual({ status: 401, reason: 'refused: the token has expired' });
  });

  it('refuses a token from another issuer with 401, naming the iss claim', async () => {
    const get = await tokenOnly();
    const foreign = await issued({ issuer: 'https://evil.example' });
    expect(
      await refusal(await get('/api/overview', { authorization: `Bearer ${foreign}` })),
    ).toEqual({ status: 401, reason: expect.stringContaining('iss claim') });
  });

  it('refuses an unsigned token (alg: none) with 401', async () => {
    const get = await tokenOnly();
    const response = await get('/api/overview', { authorization: `Bearer ${unsigned()}` });
    expect(response.status).toBe(401);
  });

  it('refuses a valid token in the query string with 401 rather than read it', async () => {
    const get = await tokenOnly();
    const response = await get(`/api/overview?token=${await issued()}`);
    expect(await refusal(response)).toEqual({
      status: 401,
      reason: expect.stringContaining('never accepted in a query string'),
    });
  });

  it('refuses a forged token on the sign-in form, setting no cookie', async () => {
    const dashboard = await tokenOnly();
    expect((await dashboard('/api/overview')).status).toBe(401);
    const form = dashboard.signIn;
    const forged = await form(await issued({ key: otherKey }));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie')).toBeNull();
    expect(await forged.text()).toContain('signature does not match');
    expect((await form(await issued())).status).toBe(303);
  });
});

describe('the startup actor of the dashboard', () => {
  it('is refused when asserted with --actor against a shared store, as every command refuses it', async () => {
    const { actors, stderr } = await sourceOf(
      { store: 'postgres://postgres@127.0.0.1/crm', actor: 'eve:administrator' },
      trusted,
    );
    expect(actors).toEqual(E.left(ExitCode.forbidden));
    expect(stderr).toContain('accepted for local store files only');
  });

  it('may be asserted for a local store file, and tokens still name their own actor', async () => {
    const { actors } = await sourceOf(
      { store: 'sqlite:./crm.db', actor: 'ada:sales_manager' },
      trusted,
    );
    if (E.isLeft(actors)) throw new Error('an asserted actor is accepted for a local file');
    const get = dashboardAs(actors.right);
    expect(await (await get('/api/overview')).json()).toMatchObject({
      asOf: 'ada:sales_manager',
    });
    const token = await issued();
    expect(
      await (await get('/api/overview', { authorization: `Bearer ${token}` })).json(),
    ).toMatchObject({ asOf: 'rep-ada:sales_rep' });
  });

  it('is required when no token keys are trusted, and a half-configured trust is an error', async () => {
    expect((await sourceOf({}, {})).actors).toEqual(E.left(ExitCode.usage));
    const half = await sourceOf({}, { CLIENTELE_TOKEN_ISSUER: ISSUER });
    expect(half.actors).toEqual(E.left(ExitCode.usage));
    expect(half.stderr).toContain('CLIENTELE_TOKEN_KEYS');
  });
});
