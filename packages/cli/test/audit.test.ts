import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-audit-'));
const file = join(dir, 'crm.db');
const store = `sqlite:${file}`;
let customerId = '';
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

beforeAll(async () => {
  expect((await run('demo', '--store', store, '--steps', '600')).code).toBe(ExitCode.ok);
  const db = new Database(file, { readonly: true });
  // The customer touched by the most streams, among those registered with an email and a phone
  // (so duplicate-check keys were claimed and `audit find` has both to look for): a rich timeline.
  const row = db
    .prepare(
      `SELECT json_extract(data, '$.customerId') AS id, count(DISTINCT stream_name) AS streams FROM events
       WHERE json_extract(data, '$.customerId') IN (
         SELECT json_extract(data, '$.customerId') FROM events WHERE type = 'CustomerRegistered'
         AND json_array_length(data, '$.emails') > 0 AND json_array_length(data, '$.phones') > 0)
       GROUP BY id ORDER BY streams DESC, id LIMIT 1`,
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

const runAs = async (actor: string, ...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: actor, COLUMNS: '100' });
  const code = await runCli(commands, [...args, '--store', store], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

const customerState = async () =>
  (
    JSON.parse(
      (await run('audit', 'customer', customerId, '--format', 'json', '--store', store)).out,
    ) as {
      state: { name: string; emails: string[]; phones: string[] };
    }
  ).state;

describe('clientele audit find', () => {
  it('finds a customer by a word of its name, its email and its phone, as an auditor', async () => {
    const { name, emails, phones } = await customerState();
    for (const query of [name.split(' ')[0]!, name.toUpperCase(), emails[0]!, phones[0]!]) {
      const found = await runAs('aud-1:auditor', 'audit', 'find', query, '--format', 'json');
      expect(found.code).toBe(ExitCode.ok);
      const ids = (JSON.parse(found.out) as { customers: { customerId: string }[] }).customers.map(
        (c) => c.customerId,
      );
      expect(ids).toContain(customerId);
    }
  });

  it('records each search, as keyed hashes, never the text searched for', async () => {
    const { name } = await customerState();
    const before = new Database(file, { readonly: true });
    const count = () =>
      (
        before
          .prepare(`SELECT count(*) AS n FROM events WHERE type = 'CustomersSearched'`)
          .get() as { n: number }
      ).n;
    const searches = count();
    expect((await runAs('aud-1:auditor', 'audit', 'find', name)).code).toBe(ExitCode.ok);
    expect(count()).toBe(searches + 1);
    const last = before
      .prepare(
        `SELECT data, metadata FROM events WHERE type = 'CustomersSearched' ORDER BY position DESC LIMIT 1`,
      )
      .get() as { data: string; metadata: string };
    before.close();
    expect(last.data.toLowerCase()).not.toContain(name.split(' ')[0]!.toLowerCase());
    expect(JSON.parse(last.data)).toMatchObject({ found: expect.arrayContaining([customerId]) });
    expect(JSON.parse(last.metadata)).toMatchObject({ actor: { id: 'aud-1', role: 'auditor' } });
  });

  it('is refused to a sales rep, and finds nobody for a word no customer has', async () => {
    expect((await runAs('rep-1:sales_rep', 'audit', 'find', 'Acme')).code).toBe(ExitCode.forbidden);
    expect((await runAs('aud-1:auditor', 'audit', 'find', 'Zyxwvutsrq')).code).toBe(
      ExitCode.failed,
    );
  });
});

describe('clientele audit customer: what changed, since when, because of what', () => {
  it('summarizes each change in one line in the table and the CSV, and fits the terminal', async () => {
    const table = await runAs('aud-1:auditor', 'audit', 'customer', customerId);
    expect(table.code).toBe(ExitCode.ok);
    const rows = table.out.split('\n\nState')[0]!.split('\n');
    expect(rows.every((line) => line.length <= 100)).toBe(true);
    const csv = await runAs('aud-1:auditor', 'audit', 'customer', customerId, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe(
      'position,occurred,recorded,stream,event,actor,role,change,caused by,cause position',
    );
    expect(csv.out).toMatch(/stage \S+ → \S+/);
    expect(csv.out).toMatch(/amount [\d,]+\.\d\d (→ [\d,]+\.\d\d )?EUR/);
  });

  it('shows only what was recorded since a day, still knowing what came before', async () => {
    const all = JSON.parse(
      (await runAs('aud-1:auditor', 'audit', 'customer', customerId, '--format', 'json')).out,
    ) as { timeline: { recordedAt: string }[] };
    const day = all.timeline[Math.floor(all.timeline.length / 2)]!.recordedAt.slice(0, 10);
    const since = JSON.parse(
      (
        await runAs(
          'aud-1:auditor',
          'audit',
          'customer',
          customerId,
          '--since',
          day,
          '--format',
          'json',
        )
      ).out,
    ) as { timeline: { recordedAt: string }[] };
    expect(since.timeline.length).toBeGreaterThan(0);
    expect(since.timeline.length).toBeLessThan(all.timeline.length);
    expect(since.timeline.every((e) => e.recordedAt >= day)).toBe(true);
    const until = JSON.parse(
      (
        await runAs(
          'aud-1:auditor',
          'audit',
          'customer',
          customerId,
          '--until',
          day,
          '--format',
          'json',
        )
      ).out,
    ) as { timeline: { recordedAt: string }[] };
    expect(until.timeline.every((e) => e.recordedAt.slice(0, 10) <= day)).toBe(true);
  });

  it('refuses --effective without a moment, and --since after --until', async () => {
    const alone = await runAs('aud-1:auditor', 'audit', 'customer', customerId, '--effective');
    expect(alone.code).toBe(ExitCode.usage);
    expect(alone.err).toContain('--effective');
    expect(
      (
        await runAs(
          'aud-1:auditor',
          'audit',
          'customer',
          customerId,
          '--since',
          '2026-03-01',
          '--until',
          '2026-02-01',
        )
      ).code,
    ).toBe(ExitCode.usage);
  });

  it('locates the cause of every reactor-made event in the timeline', async () => {
    const json = JSON.parse(
      (await runAs('aud-1:auditor', 'audit', 'customer', customerId, '--format', 'json')).out,
    ) as {
      timeline: { causationId: string | null; causedBy: { position: string | null } | null }[];
    };
    const caused = json.timeline.filter((e) => e.causationId !== null);
    expect(caused.length).toBeGreaterThan(0);
    expect(caused.every((e) => e.causedBy?.position !== null)).toBe(true);
  });
});

describe('causation in the demo store', () => {
  it('links every caused event to an event of the log; a person’s own registration has none', () => {
    const db = new Database(file, { readonly: true });
    const dangling = db
      .prepare(
        `SELECT count(*) AS n FROM events e WHERE json_extract(e.metadata, '$.causationId') IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM events c WHERE c.event_id = json_extract(e.metadata, '$.causationId'))`,
      )
      .get() as { n: number };
    const registrations = db
      .prepare(
        `SELECT json_extract(metadata, '$.actor.role') AS role, json_extract(metadata, '$.causationId') AS cause,
         (SELECT type FROM events c WHERE c.event_id = json_extract(e.metadata, '$.causationId')) AS causeType
         FROM events e WHERE type = 'CustomerRegistered'`,
      )
      .all() as { role: string; cause: string | null; causeType: string | null }[];
    db.close();
    expect(dangling.n).toBe(0);
    expect(registrations.filter((r) => r.role !== 'system').every((r) => r.cause === null)).toBe(
      true,
    );
    const byReactor = registrations.filter((r) => r.role === 'system');
    expect(byReactor.length).toBeGreaterThan(0);
    expect(byReactor.every((r) => r.causeType === 'LeadConverted')).toBe(true);
  });
});
