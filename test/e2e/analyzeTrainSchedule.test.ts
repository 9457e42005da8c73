import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-retrain-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = 'clientele-demo:administrator';
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CLIENTELE_ACTOR: ADMIN },
  });

beforeAll(() => {
  execFileSync(process.execPath, [cli, 'demo', '--steps', '300'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, CLIENTELE_ACTOR: ADMIN },
  });
}, 60_000);

describe('clientele analyze train --every (the retraining schedule)', () => {
  it('trains when due, records nothing when asked again within the interval, and trains again once it has passed', () => {
    const first = run('analyze', 'train', '--every', '30', '--as-of', '2026-06-01');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('version 1: trained up to 2026-06-01');
    const again = run('analyze', 'train', '--every', '30', '--as-of', '2026-06-20');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('No training due');
    const later = run('analyze', 'train', '--every', '30', '--as-of', '2026-07-15');
    expect(later.status).toBe(0);
    expect(later.stdout).toContain('version 2: trained up to 2026-07-01');
  });

  it('refuses an interval that is not a whole number of days, with exit code 2', () => {
    const refused = run('analyze', 'train', '--every', 'weekly');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--every takes a whole number of days');
  });
});
