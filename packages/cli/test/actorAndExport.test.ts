import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { appendHistory, readAuthorizationHistory } from '@clientele/projections/testing';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-actor-'));
const file = join(dir, 'crm.db');
const store = `sqlite:${file}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (env: Record<string, string>, ...args: string[]) => {
  const io = recordingIo(env, dir);
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};
/** Runs a command as `actor` (ID:ROLE) on the test store. */
const as = (actor: string, ...args: string[]) =>
  run({}, ...args, '--store', store, '--actor', actor);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

// Two teams: mgr-east manages rep-ada and rep-bob, mgr-west manages rep-cy; rep-ada's open deal is
// 1,000.00 EUR, rep-bob's 20,000.00, rep-cy's 300,000.00 (see readAuthorizationFixture).
beforeAll(async () => {
  const events = createSqliteEventStore({ file });
  await appendHistory(events, readAuthorizationHistory);
  await events.close();
});

describe('the actor of a command', () => {
  it('is required: without --actor or CLIENTELE_ACTOR a read stops with exit 2 and says how to name one', async () => {
    const result = await run({}, 'report', 'pipeline', '--store', store);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('say who is acting: --actor ID:ROLE');
  });

  it('names a malformed actor (exit 2) and a role the tenant has not defined (refused, exit 4)', async () => {
    const noRole = await as('rep-ada', 'report', 'pipeline');
    expect(noRole.code).toBe(ExitCode.usage);
    expect(noRole.err).toContain('--actor "rep-ada" is not ID:ROLE');
    const unknown = await run(
      { CLIENTELE_ACTOR: 'rep-ada:intern' },
      'report',
      'pipeline',
      '--store',
      store,
    );
    // Roles are the tenant's data: whether "intern" is one is the policy in the log's to say.
    expect(unknown.code).toBe(ExitCode.forbidden);
    expect(unknown.err).toContain('"intern" is not a role');
    expect(unknown.out).toBe('');
  });

  it('filters a report to what the role allows: a rep’s own pipeline, a manager’s team’s', async () => {
    const pipeline = async (actor: string) =>
      JSON.parse((await as(actor, 'report', 'pipeline', '--format', 'json')).out) as {
        report: string;
        rows: { amount: { EUR: number } }[];
      };
    expect((await pipeline('rep-ada:sales_rep')).rows[0]?.amount).toEqual({ EUR: 1_000_00 });
    expect((await pipeline('mgr-east:sales_manager')).rows[0]?.amount).toEqual({
      EUR: 21_000_00,
    });
    const fromEnv = await run(
      { CLIENTELE_ACTOR: 'rep-cy:sales_rep' },
      'report',
      'pipeline',
      '--format',
      'json',
      '--store',
      store,
    );
    expect(fromEnv.out).toContain('30000000');
    expect(fromEnv.out).not.toContain('100000');
  });

  it('warns on stderr when a rep owns nothing in the store, and not when they do', async () => {
    const stranger = await as('rep-zed:sales_rep', 'report', 'pipeline');
    expect(stranger.code).toBe(ExitCode.ok);
    expect(stranger.err).toContain('warning: rep-zed (sales_rep) owns no lead, deal or customer');
    expect((await as('rep-ada:sales_rep', 'report', 'pipeline')).err).toBe('');
  });

  it('refuses a report the role may not read with exit 4 naming the permission, and leaves it out of "all"', async () => {
    const refused = await as('rep-ada:sales_rep', 'report', 'receivables');
    expect(refused.code).toBe(ExitCode.forbidden);
    expect(refused.err).toContain('rep-ada (sales_rep) lacks Invoice.read');
    const all = await as('rep-ada:sales_rep', 'report', 'all');
    expect(all.code).toBe(ExitCode.ok);
    expect(all.err).toContain('left out receivables: the sales_rep role lacks Invoice.read');
    expect(all.out).toContain('Pipeline and forecast');
  });

  it('shows a rep their own customer’s timeline with a colleague’s deal and quote left out, and refuses another rep', async () => {
    const own = await as('rep-ada:sales_rep', 'audit', 'customer', 'C-ada');
    expect(own.code).toBe(ExitCode.ok);
    expect(own.out).toContain('5 events of streams the sales_rep role may not read left out');
    expect(own.out).not.toContain('Opportunity-O-bob');
    expect(own.out).not.toContain('Quote-Q-bob');
    const other = await as('rep-bob:sales_rep', 'audit', 'customer', 'C-ada');
    expect(other.code).toBe(ExitCode.forbidden);
    expect(other.err).toContain('lacks Customer.read');
  });

  it('keeps operator commands for the roles the policy names: a rep may not rebuild or migrate', async () => {
    const rebuild = await as('rep-ada:sales_rep', 'rebuild', 'all');
    expect(rebuild.code).toBe(ExitCode.forbidden);
    expect(rebuild.err).toContain('lacks ReadModels.rebuild');
    const migrate = await run(
      { CLIENTELE_ACTOR: 'rep-ada:sales_rep' },
      'migrate',
      '--from',
      store,
      '--to',
      `sqlite:${join(dir, 'copy.db')}`,
    );
    expect(migrate.code).toBe(ExitCode.forbidden);
    expect(existsSync(join(dir, 'copy.db'))).toBe(false);
  });

  it('lets the demo run with no actor at all: it acts as the administrator it names', async () => {
    const demo = await run(
      {},
      'demo',
      '--store',
      `sqlite:${join(dir, 'demo.db')}`,
      '--steps',
      '40',
    );
    expect(demo.code).toBe(ExitCode.ok);
    expect(demo.out).toContain('--actor clientele-demo:administrator');
  });
});

describe('clientele export customers', () => {
  it('refuses a rep, even for their own customers, with exit 4 and writes nothing', async () => {
    const out = join(dir, 'rep.csv');
    const result = await as('rep-ada:sales_rep', 'export', 'customers', '--out', out);
    expect(result.code).toBe(ExitCode.forbidden);
    expect(result.err).toContain('rep-ada (sales_rep) lacks Customer.export');
    expect(existsSync(out)).toBe(false);
    const history = await as('aud-1:auditor', 'audit', 'exports', '--format', 'json');
    expect(JSON.parse(history.out)).toEqual([]);
  });

  it('writes a manager’s team’s customers, records who took which and the file’s digest, and shows it in the history', async () => {
    const out = join(dir, 'east.csv');
    const result = await as('mgr-east:sales_manager', 'export', 'customers', '--out', out);
    expect(result.code).toBe(ExitCode.ok);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('C-ada,company,active,C-ada Ltd,info@c-ada.example');
    expect(csv).toContain('C-bob');
    expect(csv).not.toContain('C-cy');
    expect(result.out).toContain(`sha-256 ${sha256(out)}`);
    const history = await as('aud-1:auditor', 'audit', 'exports', '--format', 'json');
    expect(JSON.parse(history.out)).toEqual([
      expect.objectContaining({
        actor: { id: 'mgr-east', role: 'sales_manager' },
        scope: 'team',
        count: 2,
        format: 'csv',
        customerIds: ['C-ada', 'C-bob'],
        contentSha256: sha256(out),
      }),
    ]);
    const west = await as('mgr-west:sales_manager', 'audit', 'exports', '--format', 'json');
    expect(JSON.parse(west.out)).toEqual([]);
    const timeline = await as('aud-1:auditor', 'audit', 'customer', 'C-bob');
    expect(timeline.out).toMatch(
      /CustomerExport-\S+\s+CustomersExported\s+mgr-east \(sales_manager\)/,
    );
  });

  it('writes JSON on request, and says what is wrong with a bad command line', async () => {
    const out = join(dir, 'all.json');
    const result = await as(
      'admin-1:administrator',
      'export',
      'customers',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(result.code).toBe(ExitCode.ok);
    expect((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length).toBe(4);
    expect(result.out).toContain('exported 4 customers (any scope, json)');
    const noOut = await as('admin-1:administrator', 'export', 'customers');
    expect(noOut.code).toBe(ExitCode.usage);
    expect(noOut.err).toContain('--out FILE is required');
  });
});
