import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../api/actor.js';
import type { DashboardData } from '../api/dashboardData.js';
import { createDashboardApp } from './createDashboardApp.js';
import { createLiveUpdates } from './liveUpdates.js';
import type { ActorTokenVerifier } from './requestActor.js';

const appDirectory = mkdtempSync(join(tmpdir(), 'clientele-dashboard-app-'));
writeFileSync(join(appDirectory, 'index.html'), '<!doctype html><title>app</title>');
afterAll(() => {
  rmSync(appDirectory, { recursive: true, force: true });
});

/**
 * The token check `clientele serve` passes in is the command line's (tested with real issuer
 * tokens in the CLI's serveActors.spec.ts); here a token is "signed" when it is `signed:ID:ROLE`.
 */
const verifyToken: ActorTokenVerifier = async (token) => {
  const [mark, id, role] = token.split(':');
  return mark === 'signed' && id !== undefined && role !== undefined
    ? { kind: 'actor', actor: { id, role } }
    : { kind: 'unknown', reason: 'the token’s signature does not match its key' };
};
const signActorToken = async (actor: Actor): Promise<string> => `signed:${actor.id}:${actor.role}`;
const manager: Actor = { id: 'ada', role: 'sales_manager' };

/** A fake data port that answers with the actor it was asked as, and refuses team "other". */
const fakeData: DashboardData = {
  overview: async (actor) => ({
    kind: 'ok',
    value: { asOf: actor.id, kpis: [], charts: [], withheld: [] },
  }),
  analytics: async (actor) => ({
    kind: 'ok',
    value: { asOf: actor.id, charts: [], withheld: [] },
  }),
  drill: async () => ({ kind: 'notFound', reason: 'none' }),
  customer: async () => ({ kind: 'notFound', reason: 'none' }),
  team: async (actor, teamId) =>
    teamId === 'other'
      ? { kind: 'refused', reason: `${actor.id} is not in team other` }
      : { kind: 'ok', value: { teamId, kpis: [], charts: [] } },
  anomalies: async (actor) =>
    actor.role === 'administrator'
      ? { kind: 'ok', value: { anomalies: [] } }
      : { kind: 'refused', reason: `${actor.id} (${actor.role}) lacks Log.audit` },
  follow: async () => undefined,
};

const app = createDashboardApp({
  data: fakeData,
  live: createLiveUpdates(),
  appDirectory,
  startupActor: manager,
  verifyToken,
});
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://127.0.0.1:3000${path}`, { headers: { host: '127.0.0.1:3000', ...headers } });
const askedAs = async (response: Response) => ((await response.json()) as { asOf: string }).asOf;

describe('the dashboard server with a fake data port', () => {
  it('answers as the startup actor when a request carries no token', async () => {
    expect(await askedAs(await get('/api/overview'))).toBe('ada');
  });

  it('asks for the analytics page’s charts as the actor a signed token names', async () => {
    const token = await signActorToken({ id: 'bo', role: 'sales_rep' });
    expect(await askedAs(await get('/api/analytics', { authorization: `Bearer ${token}` }))).toBe(
      'bo',
    );
  });

  it('answers as the actor a signed token names, in a header or the cookie', async () => {
    const token = await signActorToken({ id: 'bo', role: 'sales_rep' });
    expect(await askedAs(await get('/api/overview', { authorization: `Bearer ${token}` }))).toBe(
      'bo',
    );
    expect(await askedAs(await get('/api/overview', { cookie: `clientele_token=${token}` }))).toBe(
      'bo',
    );
  });

  it('refuses a token that does not verify, saying why, instead of falling back to the startup actor', async () => {
    const response = await get('/api/overview', {
      authorization: 'Bearer forged:eve:administrator',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthenticated',
      reason: 'the token’s signature does not match its key',
    });
  });

  it('ignores an actor named in the query', async () => {
    expect(await askedAs(await get('/api/overview?actor=eve:administrator'))).toBe('ada');
  });

  it('refuses a token in the query string, even a valid one, rather than act as anyone', async () => {
    for (const name of ['token', 'access_token']) {
      const response = await get(`/api/overview?${name}=signed:eve:administrator`);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('never accepted in a query string');
    }
  });

  it('refuses every token when it was started without a way to check them', async () => {
    const withoutKeys = createDashboardApp({
      data: fakeData,
      live: createLiveUpdates(),
      appDirectory,
      startupActor: manager,
    });
    const response = await withoutKeys.request('http://127.0.0.1:3000/api/overview', {
      headers: { host: '127.0.0.1:3000', authorization: 'Bearer signed:bo:sales_rep' },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a request whose Host is not a loopback name', async () => {
    const response = await app.request('http://evil.example/api/overview', {
      headers: { host: 'evil.example' },
    });
    expect(response.status).toBe(421);
  });

  it('serves a refused team page as a 403 page and an allowed one as the app', async () => {
    const refused = await get('/teams/other');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('ada is not in team other');
    const allowed = await get('/teams/mine');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('<title>app</title>');
  });

  it('signs a browser in with a valid token as an HttpOnly cookie, and refuses a forged one', async () => {
    const form = (token: string, origin = 'http://127.0.0.1:3000') =>
      app.request('http://127.0.0.1:3000/sign-in', {
        method: 'POST',
        headers: {
          host: '127.0.0.1:3000',
          origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }).toString(),
      });
    const token = await signActorToken({ id: 'bo', role: 'sales_rep' });
    const signedIn = await form(token);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('set-cookie')).toMatch(
      /^clientele_token=.*HttpOnly.*SameSite=Strict/,
    );
    expect((await form('not-a-token')).status).toBe(401);
    expect((await form(token, 'http://evil.example')).status).toBe(403);
  });

  it('forbids the pages to load anything from another origin', async () => {
    const response = await get('/');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves the anomalies page to an administrator and refuses anyone else with a 403 naming the permission', async () => {
    const admin = await signActorToken({ id: 'root', role: 'administrator' });
    const asAdmin = { authorization: `Bearer ${admin}` };
    expect((await get('/anomalies', asAdmin)).status).toBe(200);
    expect(await (await get('/api/anomalies', asAdmin)).json()).toEqual({ anomalies: [] });
    const page = await get('/anomalies');
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('lacks Log.audit');
    expect((await get('/api/anomalies')).status).toBe(403);
  });
});
