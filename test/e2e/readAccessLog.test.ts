import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessLogService, recordsOwnReads } from '@clientele/domain';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import type { HistoryEntry } from '@clientele/projections/testing';
import {
  appendHistory,
  customerRegistered,
  readAuthorizationHistory,
} from '@clientele/projections/testing';
import { createTestIssuer } from '../support/issuerTokens.js';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-read-access-log-'));
const file = join(dir, 'crm.db');
const store = `sqlite:${file}`;
const issuer = createTestIssuer();
const HOUR = 3_600_000;
const ada = { id: 'rep-ada', role: 'sales_rep' };

const clientele = (actor: string, ...args: string[]): string =>
  execFileSync(process.execPath, [cli, ...args, '--store', store, '--actor', actor], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

interface RecordedRead {
  readonly actor: { readonly id: string; readonly role: string };
  readonly through: string;
  readonly subjects: readonly string[];
}
const readsOf = (reader: string): RecordedRead[] =>
  JSON.parse(
    clientele('aud-1:auditor', 'audit', 'access', '--reader', reader, '--format', 'json'),
  ) as RecordedRead[];

// rep-ada owns sixty customers (C-ada and C-ada-01 to C-ada-59), none of them contacted.
const adaCustomers: HistoryEntry[] = Array.from({ length: 59 }, (_, n) => {
  const customerId = `C-ada-${String(n + 1).padStart(2, '0')}`;
  return customerRegistered(customerId, '2026-01-10', {
    name: `${customerId} Ltd`,
    region: 'EU',
    ownerId: 'rep-ada',
  });
});

// The server acts only as the actor each signed token names.
const { CLIENTELE_ACTOR: _startupActor, ...serverEnv } = process.env;
let server: ChildProcess | undefined;
let url = '';

const startServer = (): Promise<string> =>
  new Promise((resolve, reject) => {
    server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--store', store], {
      cwd: dir,
      env: { ...serverEnv, ...issuer.environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /Dashboard on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (started?.[1] !== undefined) resolve(started[1]);
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => {
      reject(new Error(`serve exited ${String(code)}: ${output}`));
    });
  });

// One connection per request: execFileSync blocks the event loop, and a keep-alive socket the
// server closed meanwhile would otherwise be reused ("other side closed").
const get = async (path: string, actor: { id: string; role: string }) =>
  fetch(`${url}${path}`, {
    headers: { authorization: `Bearer ${await issuer.sign(actor)}`, connection: 'close' },
  });

/** Waits until the server's background writer has put `count` reads of `reader` on record. */
const untilRecorded = async (reader: string, count: number): Promise<RecordedRead[]> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const reads = readsOf(reader);
    if (reads.length >= count) return reads;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return readsOf(reader);
};

beforeAll(async () => {
  const events = createSqliteEventStore({ file });
  await appendHistory(events, [...readAuthorizationHistory, ...adaCustomers]);
  // rep-ada's usual: six customers read in one hour on each of the five days before today.
  const log = createAccessLogService(events, { authorize: recordsOwnReads() });
  for (let day = 1; day <= 5; day += 1) {
    const subjects = ['C-ada', ...adaCustomers.slice(0, 5).map((c) => c.stream.slice(9))];
    const occurredAt = new Date(Date.now() - day * 24 * HOUR).toISOString();
    const recorded = await log.handle(
      {
        kind: 'RecordPersonalDataRead',
        readId: `usual-${String(day)}`,
        through: 'report churn',
        subjects,
      },
      { commandId: `0195a000-0000-7000-8000-00000000000${String(day)}`, actor: ada, occurredAt },
    );
    if (E.isLeft(recorded)) throw new Error(JSON.stringify(recorded.left));
  }
  await events.close();
  url = await startServer();
});

afterAll(() => {
  server?.kill('SIGTERM');
  issuer.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('the access log of reads', () => {
  it('records a report naming customers in every format, as the reader, with the ids only', () => {
    for (const format of ['table', 'json', 'csv', 'html'])
      clientele('mgr-west:sales_manager', 'report', 'neglected', '--format', format);
    // A report of figures that names no customer is no read of personal data.
    clientele('mgr-west:sales_manager', 'report', 'funnel');
    const reads = readsOf('mgr-west');
    expect(reads).toEqual(
      ['table', 'json', 'csv', 'html'].map(() => ({
        occurredAt: expect.any(String),
        actor: { id: 'mgr-west', role: 'sales_manager' },
        through: 'report neglected',
        subjects: ['C-cy'],
      })),
    );
    expect(JSON.stringify(reads)).not.toContain('Ltd');
  });

  it('records the dashboard’s customer timelines and drill-down lists, and not a refused read', async () => {
    const bob = { id: 'rep-bob', role: 'sales_rep' };
    expect((await get('/api/customers/C-bob', bob)).status).toBe(200);
    expect((await get('/api/drill/leads', bob)).status).toBe(200);
    expect((await get('/api/customers/C-ada', bob)).status).toBe(403);
    const reads = await untilRecorded('rep-bob', 2);
    expect(reads.map((read) => [read.through, read.subjects.includes('C-bob')])).toEqual([
      ['dashboard customer', true],
      ['dashboard drill leads', false],
    ]);
  });

  it('flags a rep who reads ten times their baseline through a report and the dashboard within one cycle, shown to administrators only', async () => {
    const rows = JSON.parse(
      clientele('rep-ada:sales_rep', 'report', 'neglected', '--format', 'json'),
    ) as { rows: unknown[] };
    expect(rows.rows).toHaveLength(60);
    expect((await get('/api/customers/C-ada', ada)).status).toBe(200);
    await untilRecorded('rep-ada', 7);

    // One cycle of the anomaly reactor: the administrators' page runs it, then lists.
    const admin = { id: 'admin-1', role: 'administrator' };
    const page = await get('/anomalies', admin);
    expect(page.status).toBe(200);
    const listed = (await (await get('/api/anomalies', admin)).json()) as {
      anomalies: { actorId: string; rule: string; customers: number; baseline: number }[];
    };
    expect(listed.anomalies).toContainEqual(
      expect.objectContaining({ actorId: 'rep-ada', rule: 'volumeAboveBaseline', baseline: 6 }),
    );
    const flagged = listed.anomalies.find((a) => a.actorId === 'rep-ada');
    expect(flagged?.customers).toBeGreaterThanOrEqual(60);

    const refused = await get('/anomalies', ada);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Log.audit');
    expect((await get('/api/anomalies', ada)).status).toBe(403);
  });
});
