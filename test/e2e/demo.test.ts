import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-demo-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built `clientele` binary as the README's demo command does. */
const clientele = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // The demo acts as its own administrator; the commands after it are told who is acting.
    env: { ...process.env, CLIENTELE_ACTOR: 'clientele-demo:administrator' },
  });

describe('the README demo path', () => {
  it('writes ./clientele.db by default, prints what it wrote, and the store verifies', () => {
    const output = clientele('demo', '--steps', '400');
    expect(output).toMatch(/\d[\d,]* events in .*clientele\.db \(seed 2026/);
    for (const report of [
      'Sales funnel',
      'Sales performance by team',
      'Receivables as of',
      'Campaign ROI',
    ]) {
      expect(output).toContain(report);
    }
    expect(clientele('verify')).toMatch(/^OK: \d+ events/);
  });

  it('prints the same figures on every run with the same seed', () => {
    const first = clientele('demo', '--steps', '400');
    const second = clientele('demo', '--steps', '400');
    expect(second).toBe(first);
  });

  it('never replaces a file the demo did not write', () => {
    const precious = join(dir, 'precious.db');
    writeFileSync(precious, 'my own data');
    expect(() => clientele('demo', '--store', `sqlite:${precious}`)).toThrow(
      /not written by the demo/,
    );
  });
});
