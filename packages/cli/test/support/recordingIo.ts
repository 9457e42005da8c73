import type { CliIo } from '../../src/io.js';

/** A CliIo that records what a command wrote, for specs. */
export const recordingIo = (
  env: Record<string, string | undefined> = {},
  cwd = '/work',
): CliIo & { out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env,
    cwd,
    interactive: false,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
};
