import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-missing-store-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a read command given a SQLite path with no store there', () => {
  for (const args of [
    ['report', 'funnel'],
    ['audit', 'customer', 'c-1'],
    ['verify'],
    ['export', 'customers', '--out', 'customers.csv'],
    ['access', 'c-1', '--out', 'access.json'],
    ['rebuild', 'all'],
  ]) {
    it(`clientele ${args.join(' ')} refuses it, exit 3, and creates no file`, async () => {
      const file = join(dir, 'nothing-here.db');
      const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' }, dir);
      const code = await runCli(commands, [...args, '--store', `sqlite:${file}`], io);
      expect(io.err.join('')).toContain(
        `no store at ${file}; run clientele demo or clientele import to create one`,
      );
      expect(code).toBe(ExitCode.storeUnavailable);
      expect(existsSync(file)).toBe(false);
    });
  }
});
