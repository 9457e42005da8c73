import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-rebuild-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const store = `sqlite:${join(dir, 'crm.db')}`;

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('clientele rebuild', () => {
  it('rebuilds every projection into a new build and reports it caught up', async () => {
    expect((await run('demo', '--store', store, '--steps', '300')).code).toBe(ExitCode.ok);
    const first = await run('rebuild', 'all', '--store', store);
    expect(first.code).toBe(ExitCode.ok);
    expect(first.out).toMatch(/rebuilt \d+ projection\(s\) from [\d,]+ events/);
    expect(first.err).toMatch(/rebuilding \[#+\] 100%/);
    const buildOf = (out: string) => Number(/deals\s+1\.(\d+)\s+0/.exec(out)?.[1]);
    const again = await run('rebuild', 'deals', '--store', store);
    expect(buildOf(again.out)).toBe(buildOf(first.out) + 1);
  });

  it('names the projections when given an unknown one or none', async () => {
    const unknown = await run('rebuild', 'nope', '--store', store);
    expect(unknown.code).toBe(ExitCode.usage);
    expect(unknown.err).toContain('there are leads, deals');
    expect((await run('rebuild', '--store', store)).code).toBe(ExitCode.usage);
  });
});
