import * as E from 'fp-ts/lib/Either.js';
import type { Position } from '@clientele/eventstore';
import { comparePositions, parsePosition } from '@clientele/eventstore';
import type { ReadModelStore } from './readModelStore.js';

/** Options of {@link waitForPosition}. */
export interface WaitForPositionOptions {
  /** The projections a query is about to read: each must have reached the position. */
  readonly projections: readonly string[];
  /** How long to wait at most; defaults to 5,000 ms. */
  readonly timeoutMs?: number;
  /** How often to look at the checkpoints; defaults to 20 ms. */
  readonly pollMs?: number;
}

const reached = async (
  readModels: ReadModelStore,
  name: string,
  position: Position,
): Promise<boolean> => {
  const active = await readModels.activeBuild(name);
  if (active === undefined) return false;
  const build = (await readModels.builds(name)).find((b) => b.build === active);
  return build?.checkpoint !== undefined && comparePositions(build.checkpoint, position) >= 0;
};

/**
 * Read-your-writes across app servers: resolves `true` once the active build of every named
 * projection has committed `position` or later, `false` when `timeoutMs` passes first. The
 * position is a `Position` or its string form, as a command's outcome carries it
 * (`outcome.appended.position`); a string that is no position rejects, naming it. It reads the checkpoints from `readModels`, so against a store on a
 * streaming replica it waits for what the replica has applied, which is what its queries see.
 * Polling rather than a notification: a replica cannot listen to the primary's notifications.
 */
export const waitForPosition = async (
  readModels: ReadModelStore,
  at: Position | string,
  options: WaitForPositionOptions,
): Promise<boolean> => {
  const parsed = typeof at === 'string' ? parsePosition(at) : E.right(at);
  if (E.isLeft(parsed)) throw new TypeError(`waitForPosition: ${parsed.left}`);
  const position = parsed.right;
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  const pollMs = options.pollMs ?? 20;
  for (;;) {
    let all = true;
    for (const name of options.projections) {
      if (!(await reached(readModels, name, position))) {
        all = false;
        break;
      }
    }
    if (all) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, deadline - Date.now())));
  }
};
