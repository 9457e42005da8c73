import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer } from '@clientele/eventstore';

/**
 * The `authorize` option of the seeded history's entry points. The generator plays every member
 * of a made-up sales organization on made-up data, each in their own role, so it lets them all
 * act: what it demonstrates is the history, not the permissions (those are tested through the
 * real authorizers). Never give it to an app's entry points.
 */
export const simulatedStaff =
  <Command, State>(): CommandAuthorizer<Command, State> =>
  () =>
    E.right(undefined);
