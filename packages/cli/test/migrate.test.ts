import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-migrate-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('clientele migrate', () => {
  it('copies a demo store to another file with the same content hash, and a rerun copies nothing', async () => {
    const from = `sqlite:${join(dir, 'demo.db')}`;
    const to = `sqlite:${join(dir, 'copy.db')}`;
    expect((await run('demo', '--store', from, '--steps', '300')).code).toBe(ExitCode.ok);
    const first = await run('migrate', '--from', from, '--to', to);
    expect(first.code).toBe(ExitCode.ok);
    const hash = /content hash (\w+)/.exec(first.out)?.[1];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await run('migrate', '--from', from, '--to', to);
    expect(again.out).toMatch(/\(0 copied now, [\d,]+ already there\)/);
    expect(again.out).toContain(hash);
    const verified = await run('verify', '--store', to);
    expect(verified.out).toMatch(/^OK/);
  });

  it('asks for both stores and refuses to copy a store onto itself', async () => {
    expect((await run('migrate', '--from', 'memory:')).code).toBe(ExitCode.usage);
    expect((await run('migrate', '--from', 'sqlite:a.db', '--to', 'sqlite:a.db')).code).toBe(
      ExitCode.usage,
    );
  });
});
