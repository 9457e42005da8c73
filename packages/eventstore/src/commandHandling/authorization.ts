import type * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from './commandContext.js';

/** Why an actor may not issue a command: the permission they lack, and a sentence for humans. */
export interface AuthorizationDenial {
  readonly kind: 'AuthorizationDenied';
  /** The missing permission, e.g. `opportunity:markWon`. */
  readonly permission: string;
  readonly actorId: string;
  readonly role: string;
  readonly reason: string;
}

/**
 * A pure policy check run by the command handler before `decide`: given the command, the
 * aggregate's current state (which holds ownership) and the context (which holds the actor),
 * allow it or name the missing permission.
 */
export type CommandAuthorizer<Command, State> = (
  command: Command,
  state: State,
  context: CommandContext,
) => E.Either<AuthorizationDenial, void>;
