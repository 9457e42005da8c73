import { END, START } from '../envelope/position.js';

/**
 * Where a read of `length` events starts when it names no revision or position: the first event
 * for `START` (and forwards by default), the last for `END` backwards (and backwards by default),
 * past the end for `END` forwards. `undefined` when `from` is an explicit place.
 */
export const namedReadStart = (
  from: unknown,
  length: number,
  backwards: boolean,
): number | undefined => {
  if (from === undefined) return backwards ? length - 1 : 0;
  if (from === START) return 0;
  if (from === END) return backwards ? length - 1 : length;
  return undefined;
};
