import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from '../src/testIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-audit-'));
const file = join(dir, 'crm.db');
const store = `sqlite:${file}`;
let customerId = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

beforeAll(async () => {
  expect((await run('demo', '--store', store, '--steps', '600')).code).toBe(ExitCode.ok);
  const db = new Database(file, { readonly: true });
  // The customer touched by the most streams: a rich timeline.
  const row = db
    .prepare(
      `SELECT json_extract(data, '$.customerId') AS id, count(DISTINCT stream_name) AS streams FROM events
       WHERE json_extract(data, '$.customerId') IS NOT NULL GROUP BY id ORDER BY streams DESC, id LIMIT 1`,
    )
    .get() as { id: string };
  db.close();
  customerId = row.id;
});

describe('clientele audit customer', () => {
  it('prints the timeline across streams with actor, times and cause, then the state', async () => {
    const result = await run('audit', 'customer', customerId, '--store', store);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain(`Customer ${customerId}:`);
    expect(result.out).toMatch(/Customer-\S+\s+CustomerRegistered\s+\S+ \(\w+\)/);
    expect(result.out).toContain('"registered": true');
  });

  it('labels duplicate-check reservations as internal instead of listing them as business records', async () => {
    const json = JSON.parse(
      (await run('audit', 'customer', customerId, '--format', 'json', '--store', store)).out,
    ) as { timeline: { streamName: string }[] };
    expect(json.timeline.some((e) => e.streamName.startsWith('CustomerKey-'))).toBe(true);
    const table = (await run('audit', 'customer', customerId, '--store', store)).out;
    expect(table).toContain('duplicate-check reservation (internal)');
    expect(table).not.toContain('CustomerKey-');
  });

  it('shows less as known at an earlier moment than now', async () => {
    const all = JSON.parse(
      (await run('audit', 'customer', customerId, '--format', 'json', '--store', store)).out,
    ) as { timeline: { recordedAt: string }[] };
    const cut = all.timeline[1]!.recordedAt;
    const earlier = JSON.parse(
      (
        await run(
          'audit',
          'customer',
          customerId,
          '--as-of',
          cut,
          '--format',
          'json',
          '--store',
          store,
        )
      ).out,
    ) as { timeline: unknown[] };
    expect(earlier.timeline.length).toBeGreaterThanOrEqual(2);
    expect(earlier.timeline.length).toBeLessThan(all.timeline.length);
  });

  it('says so for an unknown customer (exit 1) and for a malformed command line (exit 2)', async () => {
    expect((await run('audit', 'customer', 'nobody', '--store', store)).code).toBe(ExitCode.failed);
    expect((await run('audit', 'lead', 'x', '--store', store)).code).toBe(ExitCode.usage);
    expect(
      (await run('audit', 'customer', customerId, '--as-of', 'last week', '--store', store)).code,
    ).toBe(ExitCode.usage);
  });
});
