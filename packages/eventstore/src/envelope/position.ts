import * as E from 'fp-ts/lib/Either.js';

/**
 * A place in the global log. Opaque to callers: compare positions with {@link comparePositions}
 * and persist them with {@link positionToString}. SQLite uses one integer (commit and prepare are
 * equal); PostgreSQL uses (writing transaction id, sequence number); EventStoreDB uses its
 * (commit, prepare) pair.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Read or subscribe from the very beginning of the log. */
export const START = 'start' as const;
/** Read backwards from, or subscribe after, the current end of the log. */
export const END = 'end' as const;

/** Where a read or subscription of the global log begins. */
export type LogStart = typeof START | typeof END | Position;

/** Builds a position; engines with one integer pass only `commit`. */
export const position = (commit: bigint, prepare: bigint = commit): Position =>
  Object.freeze({ commit, prepare });

/** Total order of positions: negative if `a` comes first, 0 if equal, positive if `b` comes first. */
export const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

/** True when the two positions name the same place in the log. */
export const positionsEqual = (a: Position, b: Position): boolean => comparePositions(a, b) === 0;

/**
 * The stable string form: `"42"` when commit equals prepare, `"42/40"` otherwise. It is what
 * checkpoints and exports store, and {@link parsePosition} reads it back.
 */
export const positionToString = (p: Position): string =>
  p.commit === p.prepare ? p.commit.toString() : `${p.commit}/${p.prepare}`;

const POSITION_PATTERN = /^(0|[1-9][0-9]*)(?:\/(0|[1-9][0-9]*))?$/;

/** Parses the string form written by {@link positionToString}. */
export const parsePosition = (text: string): E.Either<string, Position> => {
  const match = POSITION_PATTERN.exec(text);
  if (match === null || match[1] === undefined) {
    return E.left(`"${text}" is not a log position (expected "<commit>" or "<commit>/<prepare>")`);
  }
  const commit = BigInt(match[1]);
  return E.right(position(commit, match[2] === undefined ? commit : BigInt(match[2])));
};
