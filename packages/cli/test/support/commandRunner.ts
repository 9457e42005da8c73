import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { commands, runCli } from '@clientele/cli';
import { recordingIo } from './recordingIo.js';

/** What one `clientele` command answered: its exit code and what it wrote. */
export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * A SQLite store of its own for one test file, removed after the file's tests, and `run`, which
 * runs a `clientele` command on it as `actor` (`id:role`, as `CLIENTELE_ACTOR` takes it).
 */
export const useCommandStore = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `clientele-${name}-`));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const store = `sqlite:${join(dir, 'crm.db')}`;
  const run = async (actor: string, ...args: string[]): Promise<CommandRun> => {
    const io = recordingIo({ CLIENTELE_ACTOR: actor });
    const code = await runCli(commands, [...args, '--store', store], io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  };
  return { dir, store, run };
};
