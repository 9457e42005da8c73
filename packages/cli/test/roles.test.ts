import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { appendHistory, readAuthorizationHistory } from '@clientele/projections/testing';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { createDashboardApp, createLiveUpdates } from '@clientele/dashboard';
import { createAccessLogRecorder } from '@clientele/domain';
import { RULES_REFRESH_MS, dashboardData } from '../src/dashboard/dashboardData.js';
import { openReadSide } from '../src/store/openReadSide.js';
import { tenantAccessRules } from '../src/store/tenantAccessRules.js';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-roles-'));
const file = join(dir, 'crm.db');
const store = `sqlite:${file}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `clientele ARGS` as `actor` (ID:ROLE) on the test store. */
const as = async (actor: string, ...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: actor }, dir);
  const code = await runCli(commands, [...args, '--store', store], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};
const admin = (...args: string[]) => as('admin-1:administrator', ...args);
const migrateAs = async (actor: string, target: string) => {
  const io = recordingIo({ CLIENTELE_ACTOR: actor }, dir);
  const code = await runCli(commands, ['migrate', '--from', store, '--to', target], io);
  return { code, err: io.err.join('') };
};

interface ListedRole {
  readonly role: string;
  readonly origin: string;
  readonly grants: readonly { permission: string; scope: string }[];
  readonly lastChange?: { actorId: string; actorRole: string; at: string; change: string };
}
const listed = async (): Promise<ListedRole[]> =>
  JSON.parse((await admin('roles', 'list', '--format', 'json')).out) as ListedRole[];

beforeAll(async () => {
  const events = createSqliteEventStore({ file });
  await appendHistory(events, readAuthorizationHistory);
  await events.close();
});

describe('clientele roles', () => {
  it('refuses a rep who tries to define a role, naming the permission, and writes nothing', async () => {
    const refused = await as('rep-ada:sales_rep', 'roles', 'define', 'ops', '--description', 'x');
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('lacks AccessPolicy.DefineRole');
    expect((await listed()).some((role) => role.role === 'ops')).toBe(false);
    const list = await as('rep-ada:sales_rep', 'roles', 'list');
    expect(list.code).toBe(ExitCode.forbidden);
    expect(list.err).toContain('lacks AccessPolicy.read');
  });

  it('defines a role, grants it permissions and lists who changed it and when', async () => {
    const defined = await admin('roles', 'define', 'ops', '--description', 'runs the store');
    expect(defined).toMatchObject({ code: ExitCode.ok, err: '' });
    expect(defined.out).toContain('RoleDefined');
    expect((await admin('roles', 'grant', 'ops', 'ReadModels.rebuild')).code).toBe(ExitCode.ok);
    const ops = (await listed()).find((role) => role.role === 'ops');
    expect(ops).toMatchObject({
      origin: 'tenant',
      grants: [{ permission: 'ReadModels.rebuild', scope: 'any' }],
      lastChange: { actorId: 'admin-1', actorRole: 'administrator', change: 'PermissionGranted' },
    });
    expect(Date.parse(ops?.lastChange?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const table = (await admin('roles', 'list')).out;
    expect(table).toMatch(/ops\s+tenant\s+ReadModels\.rebuild \(any\)\s+admin-1 \(administrator\)/);
    expect(table).toMatch(/sales_rep\s+built-in/);
  });

  it('refuses what the rules of roles forbid with exit 1, and bad input with exit 2', async () => {
    const lockout = await admin('roles', 'revoke', 'administrator', '*');
    expect(lockout.code).toBe(ExitCode.failed);
    expect(lockout.err).toContain('cannot be revoked');
    const badScope = await admin('roles', 'grant', 'ops', 'Lead.read', '--scope', 'everyone');
    expect(badScope.code).toBe(ExitCode.usage);
    const badPermission = await admin('roles', 'grant', 'ops', "Lead.read'; DROP TABLE events");
    expect(badPermission.code).toBe(ExitCode.usage);
    expect((await admin('roles', 'promote', 'ops')).code).toBe(ExitCode.usage);
  });
});

describe('operator commands under the tenant’s policy', () => {
  it('let a tenant role run what it was granted, refuse what it was not, and stop when revoked', async () => {
    expect((await as('op-1:ops', 'rebuild', 'all')).code).toBe(ExitCode.ok);
    const target = join(dir, 'copy.db');
    const migrate = await migrateAs('op-1:ops', `sqlite:${target}`);
    expect(migrate.code).toBe(ExitCode.forbidden);
    expect(migrate.err).toContain('op-1 (ops) lacks Log.migrate');
    expect(existsSync(target)).toBe(false);
    expect((await admin('roles', 'grant', 'ops', 'Log.migrate')).code).toBe(ExitCode.ok);
    expect((await migrateAs('op-1:ops', `sqlite:${target}`)).code).toBe(ExitCode.ok);
    const imported = await as('op-1:ops', 'import', 'customers', join(dir, 'none.csv'));
    expect(imported.code).toBe(ExitCode.forbidden);
    expect(imported.err).toContain('lacks Data.import');

    expect((await admin('roles', 'revoke', 'ops', 'ReadModels.rebuild')).code).toBe(ExitCode.ok);
    const rebuild = await as('op-1:ops', 'rebuild', 'all');
    expect(rebuild.code).toBe(ExitCode.forbidden);
    expect(rebuild.err).toContain('op-1 (ops) lacks ReadModels.rebuild');
  });

  it('take a permission from a built-in role when the tenant revokes it: an auditor may no longer verify or seal', async () => {
    expect((await as('aud-1:auditor', 'verify')).err).not.toContain('lacks');
    expect((await admin('roles', 'grant', 'auditor', '*.read')).code).toBe(ExitCode.failed);
    expect((await admin('roles', 'revoke', 'auditor', '*.audit')).code).toBe(ExitCode.ok);
    for (const command of ['verify', 'seal']) {
      const refused = await as('aud-1:auditor', command);
      expect(refused.code).toBe(ExitCode.forbidden);
      expect(refused.err).toContain('aud-1 (auditor) lacks Log.audit');
    }
  });
});

describe('the dashboard under the tenant’s policy', () => {
  it('answers a tenant role with what the tenant granted it, and a grant applies within two seconds', async () => {
    const opened = await openReadSide(store, dir);
    if (opened._tag === 'Left') throw new Error(opened.left);
    const readSide = opened.right;
    const data = dashboardData(
      readSide,
      { onBatch: () => undefined },
      createAccessLogRecorder(readSide.events, { onError: () => undefined }),
      () => tenantAccessRules(readSide.events, {}),
    );
    const app = createDashboardApp({
      data,
      live: createLiveUpdates(),
      appDirectory: dir,
      startupActor: { id: 'op-1', role: 'ops' },
    });
    const anomalies = () =>
      app.request('http://127.0.0.1:3000/api/anomalies', { headers: { host: '127.0.0.1:3000' } });
    try {
      await readSide.runner.catchUp();
      const before = await anomalies();
      expect(before.status).toBe(403);
      expect(await before.text()).toContain('op-1 (ops) lacks Log.audit');
      expect((await admin('roles', 'grant', 'ops', 'Log.audit')).code).toBe(ExitCode.ok);
      // Another process changed the role: the dashboard reads the rules again within two seconds.
      await new Promise((resolve) => setTimeout(resolve, RULES_REFRESH_MS));
      expect((await anomalies()).status).toBe(200);
    } finally {
      await readSide.close();
    }
  });
});
