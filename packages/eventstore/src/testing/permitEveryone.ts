import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer } from '../commandHandling/authorization.js';

/**
 * An `authorize` option that lets every actor through, for tests of something other than
 * authorization (the handler's mechanics, an engine, a decider's wiring). It lives in the test kit
 * so production code that wants it has to say so by importing `@clientele/eventstore/testing`.
 */
export const permitEveryoneInTests =
  <Command, State>(): CommandAuthorizer<Command, State> =>
  () =>
    E.right(undefined);
