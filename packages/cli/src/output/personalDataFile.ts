import { constants, lstatSync, openSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';

/** A file opened for personal data: its descriptor and the absolute path it was opened at. */
export interface PersonalDataFile {
  readonly fd: number;
  readonly path: string;
}

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** Why an existing path must not be written over, or undefined when it may be. */
const refusalOfExisting = (path: string): string | undefined => {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stats.isSymbolicLink())
    return `${path} is a symbolic link; personal data is written only to a plain file`;
  if (!stats.isFile()) return `${path} is not a plain file`;
  if (uid !== undefined && stats.uid !== uid)
    return `${path} belongs to another user (uid ${String(stats.uid)}), so it is not written over`;
  return undefined;
};

/**
 * Where `out` (relative to `cwd`) may receive personal data, or why not: inside the working
 * directory, and not a symbolic link, a directory or another user's file. Check it before any
 * work is recorded, so a refused path leaves nothing behind.
 */
export const personalDataTarget = (out: string, cwd: string): E.Either<string, string> => {
  const path = resolve(cwd, out);
  const inside = relative(resolve(cwd), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    return E.left(
      `${path} is outside the working directory ${cwd}; personal data is written only inside it`,
    );
  const refusal = refusalOfExisting(path);
  return refusal === undefined ? E.right(path) : E.left(refusal);
};

/**
 * Opens `out` for personal data after {@link personalDataTarget} allows it, created readable by
 * its owner only (0600). `O_NOFOLLOW` closes the gap of a link planted between check and open.
 */
export const openPersonalDataFile = (
  out: string,
  cwd: string,
): E.Either<string, PersonalDataFile> => {
  const target = personalDataTarget(out, cwd);
  if (E.isLeft(target)) return target;
  try {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
    return E.right({ fd: openSync(target.right, flags, 0o600), path: target.right });
  } catch (error) {
    return E.left(
      `cannot write ${target.right}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};
