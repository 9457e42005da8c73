import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const processesDir = fileURLToPath(new URL('../processes/', import.meta.url));

/** A child process running one of the scripts in `test/processes`, with its stdout as lines. */
export interface ChildScript {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every complete line printed so far. */
  readonly lines: string[];
  /** Resolves with the first line that satisfies `predicate`. */
  nextLine(predicate: (line: string) => boolean): Promise<string>;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** What the child wrote to stderr, for failure messages. */
  stderr(): string;
}

/**
 * Starts `test/processes/<script>` (or `<directory>/<script>`) in a fresh Node process through
 * tsx, resolving the workspace packages to their sources the way vitest does
 * (tsconfig.tests.json paths), so no build is needed.
 */
export const startScript = (
  script: string,
  args: readonly string[],
  directory: string = processesDir,
): ChildScript => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(directory, script), ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(repositoryRoot, 'tsconfig.tests.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const listener of [...listeners]) listener(line);
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve(signal ?? code);
    }),
  );
  return {
    child,
    lines,
    exited,
    stderr: () => errors,
    nextLine: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(predicate);
        if (seen !== undefined) {
          resolve(seen);
          return;
        }
        const listener = (line: string): void => {
          if (!predicate(line)) return;
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
        void exited.then((how) => {
          if (!listeners.has(listener)) return;
          listeners.delete(listener);
          reject(new Error(`${script} exited (${String(how)}) before the line: ${errors}`));
        });
      }),
  };
};

/** A fresh directory holding one store file; `remove` deletes it with its `-wal` and `-shm`. */
export const tempStoreFile = (): { file: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-sqlite-'));
  return {
    file: join(dir, 'store.db'),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
