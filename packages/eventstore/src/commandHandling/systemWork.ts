import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '../envelope/metadata.js';
import type { AuthorizationDenial, CommandAuthorizer } from './authorization.js';

/**
 * The role of trusted system work: imports, reactors, migrations. No user-facing boundary (the
 * command line, a token, an HTTP header) accepts it, so only code can build such an actor.
 */
export const SYSTEM_ROLE = 'system';

/** The permission a denial names when an entry point for system work is called by anyone else. */
export const SYSTEM_WORK_PERMISSION = 'System.work';

/** An actor doing trusted system work, with the reason it acts, recorded in every event's metadata. */
export interface SystemActor extends Actor {
  readonly role: typeof SYSTEM_ROLE;
  readonly reason: string;
}

/**
 * The actor of trusted system work: `systemActor('reactor:lead-conversion', 'opens the deal of a
 * converted lead')`. The reason is recorded with every event it writes; an empty one is refused.
 */
export const systemActor = (id: string, reason: string): SystemActor => ({
  id,
  role: SYSTEM_ROLE,
  reason,
});

/** Whether `actor` is trusted system work that stated its reason. */
export const isSystemActor = (actor: Actor): actor is SystemActor =>
  actor.role === SYSTEM_ROLE && actor.reason !== undefined && actor.reason.trim() !== '';

const notSystemWork = (actor: Actor): AuthorizationDenial => ({
  kind: 'AuthorizationDenied',
  permission: SYSTEM_WORK_PERMISSION,
  actorId: actor.id,
  role: actor.role,
  reason:
    actor.role === SYSTEM_ROLE
      ? `system work must state its reason (actor ${actor.id} gave none)`
      : `only trusted system work with a stated reason may send this command, not a ${actor.role}`,
});

/**
 * The `authorize` option of an entry point only trusted system work uses (an importer's, the
 * demo history's): it lets a {@link SystemActor} with a stated reason through and refuses
 * everyone else, naming {@link SYSTEM_WORK_PERMISSION}.
 */
export const trustedSystemWork =
  <Command, State>(): CommandAuthorizer<Command, State> =>
  (_command, _state, { actor }) =>
    isSystemActor(actor) ? E.right(undefined) : E.left(notSystemWork(actor));

/**
 * A user-facing authorizer that also lets trusted system work through: reactors send their
 * commands through the same entry points as users. A `system` actor without a reason is refused.
 */
export const orTrustedSystemWork =
  <Command, State>(
    authorize: CommandAuthorizer<Command, State>,
  ): CommandAuthorizer<Command, State> =>
  (command, state, context) => {
    if (isSystemActor(context.actor)) return E.right(undefined);
    if (context.actor.role === SYSTEM_ROLE) return E.left(notSystemWork(context.actor));
    return authorize(command, state, context);
  };
