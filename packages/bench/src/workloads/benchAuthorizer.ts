import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer } from '@clientele/eventstore';

/**
 * The `authorize` option of the bench's handlers: every command is allowed, because the workloads
 * measure the write path, not the role policy. Kept here rather than taken from
 * `@clientele/eventstore/testing`, whose kit loads the test framework a bench run does not need.
 */
export const permitEveryCommandInBench =
  <Command, State>(): CommandAuthorizer<Command, State> =>
  () =>
    E.right(undefined);
