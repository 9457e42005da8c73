import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessPolicyAuthorizer, createAccessPolicyService } from '@clientele/domain';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { ExitCode } from '@clientele/cli';
import { useCommandStore } from './support/commandRunner.js';

const { dir, run } = useCommandStore('offboard');
const file = join(dir, 'crm.db');
const admin = 'ops-1:administrator';
// The demo's organization: three reps and a manager per team, from 2026-01-05.
const leaver = 'rep-office-emea-hunters-1';
const team = ['rep-office-emea-hunters-2', 'rep-office-emea-hunters-3'];

beforeAll(async () => {
  expect((await run(admin, 'demo', '--steps', '200')).code).toBe(ExitCode.ok);
  // The tenant defines a role of its own, allowed to log activities and tasks of its own.
  const events = createSqliteEventStore({ file });
  const roles = createAccessPolicyService(events, { authorize: accessPolicyAuthorizer() });
  let n = 0;
  for (const command of [
    { kind: 'DefineRole', role: 'inside_sales', description: 'Inside sales' },
    { kind: 'GrantPermission', role: 'inside_sales', permission: 'Task.*', scope: 'own' },
  ]) {
    const done = await roles.handle(
      { tenantId: 'default', ...command },
      {
        commandId: `0195a000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`,
        actor: { id: 'ops-1', role: 'administrator' },
        occurredAt: '2026-03-01T09:00:00Z',
        tenantId: 'default',
      },
    );
    if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
  }
  await events.close();
}, 120_000);

describe('clientele offboard', () => {
  it('refuses a rep who tries to offboard a colleague, naming the permission, and writes nothing', async () => {
    const refused = await run(
      `${team[0] ?? ''}:sales_rep`,
      'offboard',
      leaver,
      '--organization',
      'default',
      '--notice',
      '2026-03-02',
      '--effective',
      '2026-03-31',
    );
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('lacks Offboarding.OffboardRep');
  });

  it('refuses bad dates and an unknown policy as usage errors', async () => {
    const args = ['offboard', leaver, '--organization', 'default'];
    expect((await run(admin, ...args, '--notice', 'soon', '--effective', '2026-03-31')).code).toBe(
      ExitCode.usage,
    );
    expect(
      (
        await run(
          admin,
          ...args,
          '--notice',
          '2026-03-02',
          '--effective',
          '2026-03-31',
          '--reassign',
          'lottery',
        )
      ).code,
    ).toBe(ExitCode.usage);
    const early = await run(admin, ...args, '--notice', '2026-03-02', '--effective', '2026-03-01');
    expect(early.code).toBe(ExitCode.failed);
    expect(early.err).toContain('--effective 2026-03-01 is before --notice 2026-03-02');
  });

  it('hands the leaver’s records to their teammates in turn, prints each, and ends their access', async () => {
    const done = await run(
      admin,
      'offboard',
      leaver,
      '--organization',
      'default',
      '--notice',
      '2026-03-02',
      '--effective',
      '2026-03-31',
      '--reassign',
      'round-robin',
    );
    expect(done.code, done.err).toBe(ExitCode.ok);
    const lines = done.out
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const commission = lines.filter(([kind]) => kind === 'commission');
    // The demo's plans prorate: a leaver keeps the share of each period's days they worked.
    expect(commission.map(([, period]) => period)).toContain('2026-Q2');
    for (const [, , rule] of commission) expect(rule).toBe('prorate');
    const handedOver = lines.filter(([kind]) => kind !== 'commission');
    expect(handedOver.length).toBeGreaterThan(0);
    for (const [kind, , owner] of handedOver) {
      expect(['customer', 'lead', 'opportunity', 'task', 'appointment']).toContain(kind);
      expect(team).toContain(owner);
    }
    const report = await run(`${leaver}:sales_rep`, 'report', 'pipeline');
    expect(report.code).toBe(ExitCode.forbidden);
    expect(report.err).toContain(`${leaver} left: their access ended on 2026-03-31`);
    const task = await run(
      `${leaver}:sales_rep`,
      'task',
      'add',
      '--title',
      'Copy the list',
      '--due',
      '2026-12-01T10:00:00Z',
    );
    expect(task.code).toBe(ExitCode.forbidden);
    expect(task.err).toContain('lacks Task.CreateTask');
    const again = await run(
      admin,
      'offboard',
      leaver,
      '--organization',
      'default',
      '--notice',
      '2026-03-02',
      '--effective',
      '2026-03-31',
    );
    expect(again.code).toBe(ExitCode.failed);
    expect(again.err).toContain(`${leaver} is already leaving, on 2026-03-31`);
  });
});

describe('custom roles on the command line', () => {
  it('acts with a role the tenant defined in its log, through the engagement commands', async () => {
    const added = await run(
      'isa-1:inside_sales',
      'task',
      'add',
      '--title',
      'Call back',
      '--due',
      '2026-12-01T10:00:00Z',
    );
    expect(added.code, added.err).toBe(ExitCode.ok);
    const logged = await run(
      'isa-1:inside_sales',
      'log',
      'call',
      '--on',
      'customer:c-1',
      '--direction',
      'outbound',
      '--duration',
      '60',
      '--outcome',
      'connected',
    );
    expect(logged.code).toBe(ExitCode.forbidden);
    expect(logged.err).toContain('the inside_sales role does not grant Activity.LogActivity');
  });

  it('refuses a role that is no role of the tenant, naming it', async () => {
    const refused = await run(
      'x-1:intern',
      'task',
      'add',
      '--title',
      'Call back',
      '--due',
      '2026-12-01T10:00:00Z',
    );
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('"intern" is not a role');
  });
});
