import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHmacSigner, sealLog, withHashChain } from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const KEY = 'ab'.repeat(32);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A chained, sealed SQLite store with two streams. */
const sealedStore = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-verify-'));
  dirs.push(dir);
  const file = join(dir, 'crm.db');
  const store = withHashChain(createSqliteEventStore({ file }));
  for (let n = 0; n < 4; n += 1)
    await store.appendToStream(`Lead-${n % 2}`, [testEvent('LeadTouched', { n })]);
  await sealLog(store, createHmacSigner('default', Buffer.from(KEY, 'hex')));
  await store.close();
  return { dir, file };
};

const verify = async (file: string, ...args: string[]) => {
  const io = recordingIo({ CLIENTELE_SIGNING_KEY: KEY, CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, ['verify', '--store', `sqlite:${file}`, ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('clientele verify', () => {
  it('verifies an untouched store and exports a signed head', async () => {
    const { dir, file } = await sealedStore();
    const head = join(dir, 'head.json');
    const result = await verify(file, '--export-head', head);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain('OK: 5 events in 3 streams, 1 seal(s) in the log checked');
    expect(JSON.parse(readFileSync(head, 'utf8'))).toMatchObject({ count: '5', keyId: 'default' });
  });

  it('reports a domain event this release cannot read, even through its upcasters, and exits 1', async () => {
    const { file } = await sealedStore();
    const store = withHashChain(createSqliteEventStore({ file }));
    // Says version 2 but has version 1's field: no upcaster applies, and the codec refuses it.
    const launched = testEvent('CampaignLaunched', { campaignId: 'c-1', launchedOn: '2026-01-06' });
    await store.appendToStream('Campaign-c-1', [
      { ...launched, metadata: { ...launched.metadata, schemaVersion: 2 } },
    ]);
    await store.close();
    const result = await verify(file);
    expect(result.out).toContain('OK: 6 events in 4 streams');
    expect(result.out).toMatch(
      /UNREADABLE at Campaign-c-1@0 \(position 6\): CampaignLaunched version 2 does not decode .*wentLiveOn/,
    );
    expect(result.code).toBe(ExitCode.failed);
  });

  it('reports an edited row with its stream, revision and position, and exits 1', async () => {
    const { file } = await sealedStore();
    const raw = new Database(file);
    raw
      .prepare(
        `UPDATE events SET data = '{"n":99}' WHERE stream_name = 'Lead-1' AND stream_revision = 1`,
      )
      .run();
    raw.close();
    const result = await verify(file);
    expect(result.code).toBe(ExitCode.failed);
    expect(result.out).toMatch(/BROKEN \(stream chain\) at Lead-1@1 \(position 4\)/);
  });

  it('catches rows deleted after an exported head', async () => {
    const { dir, file } = await sealedStore();
    const head = join(dir, 'head.json');
    await verify(file, '--export-head', head);
    const raw = new Database(file);
    raw.prepare('DELETE FROM events WHERE position = (SELECT max(position) FROM events)').run();
    raw.close();
    const result = await verify(file, '--head', head);
    expect(result.code).toBe(ExitCode.failed);
    expect(result.out).toContain('(signed head)');
  });

  it('seals by hand, and counts an exported head as matched rather than as a seal', async () => {
    const { dir, file } = await sealedStore();
    const io = recordingIo({ CLIENTELE_SIGNING_KEY: KEY, CLIENTELE_ACTOR: 'aud-1:auditor' });
    expect(await runCli(commands, ['seal', '--store', `sqlite:${file}`], io)).toBe(ExitCode.ok);
    expect(io.out.join('')).toContain('sealed: 5 events up to position 5');
    const head = join(dir, 'head.json');
    await verify(file, '--export-head', head);
    const result = await verify(file, '--head', head);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain('2 seal(s) in the log checked, and the exported head matched');
    const raw = new Database(file, { readonly: true });
    const sealer = raw
      .prepare(
        `SELECT json_extract(metadata, '$.actor.id') AS id FROM events WHERE stream_name = 'Seal-log' ORDER BY position DESC LIMIT 1`,
      )
      .get() as { id: string };
    raw.close();
    expect(sealer.id).toBe('aud-1');
  });

  it('refuses to seal without a signing key or for a sales rep', async () => {
    const { file } = await sealedStore();
    const noKey = recordingIo({ CLIENTELE_ACTOR: 'aud-1:auditor' });
    expect(await runCli(commands, ['seal', '--store', `sqlite:${file}`], noKey)).toBe(
      ExitCode.usage,
    );
    expect(noKey.err.join('')).toContain('CLIENTELE_SIGNING_KEY');
    const rep = recordingIo({ CLIENTELE_SIGNING_KEY: KEY, CLIENTELE_ACTOR: 'rep-1:sales_rep' });
    expect(await runCli(commands, ['seal', '--store', `sqlite:${file}`], rep)).toBe(
      ExitCode.forbidden,
    );
  });

  it('explains a missing signing key for --export-head and a bad store URL', async () => {
    const { file } = await sealedStore();
    const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
    expect(
      await runCli(
        commands,
        ['verify', '--store', `sqlite:${file}`, '--export-head', 'x.json'],
        io,
      ),
    ).toBe(ExitCode.usage);
    expect(io.err.join('')).toContain('CLIENTELE_SIGNING_KEY');
    const bad = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
    expect(await runCli(commands, ['verify', '--store', 'mysql://x'], bad)).toBe(
      ExitCode.storeUnavailable,
    );
  });
});
