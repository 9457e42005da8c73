import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial, CommandAuthorizer } from '@clientele/eventstore';
import { orTrustedSystemWork } from '@clientele/eventstore';
import type { Grant, RolePolicy, Scope } from './roles.js';
import { grantsOfRole } from './roles.js';

/** Who belongs to whose team, from the sales organization: what `team` scope is checked against. */
export interface TeamDirectory {
  /** The reps whose records `managerId` may act on (their teams' members), as of now. */
  teamMembersOf(managerId: string): ReadonlySet<string>;
  /**
   * The day an actor's access ended, when they have left by the directory's day (see
   * `withDepartures`): every command and read of theirs is then refused, naming that day.
   */
  accessEndedOn?(actorId: string): string | undefined;
}

/** Why a departed actor is refused, or undefined while their access lasts. */
export const departureReason = (teams: TeamDirectory, actor: Actor): string | undefined => {
  const ended = teams.accessEndedOn?.(actor.id);
  return ended === undefined ? undefined : `${actor.id} left: their access ended on ${ended}`;
};

/** A directory with no teams: `team` grants then reach nobody but the manager. */
export const noTeams: TeamDirectory = { teamMembersOf: () => new Set() };

/**
 * Whether a granted pattern covers a permission. `*` covers everything; `A.*` covers every command
 * of `A` and reading it, but not `A.export`: bulk export must be granted by name, so a role that may
 * edit its own customers cannot walk away with the list.
 */
const matches = (granted: string, permission: string): boolean => {
  if (granted === '*' || granted === permission) return true;
  const [grantedAggregate, grantedAction] = granted.split('.');
  const [aggregate, action] = permission.split('.');
  const aggregateMatches = grantedAggregate === '*' || grantedAggregate === aggregate;
  if (!aggregateMatches) return false;
  return grantedAction === '*' ? action !== 'export' : grantedAction === action;
};

/** Whether a granted pattern (`*`, `A.*`, `A.read`, `A.Command`) covers a permission. */
export const patternCovers = (granted: string, permission: string): boolean =>
  matches(granted, permission);

/**
 * The grants of the actor's role that cover `permission` (none for an unknown role): what both
 * {@link authorize} and the read scopes decide from.
 */
export const grantsCovering = (
  policy: RolePolicy,
  actor: Actor,
  permission: string,
): readonly Grant[] =>
  (grantsOfRole(policy, actor.role) ?? []).filter((grant) => matches(grant.permission, permission));

const reaches = (
  scope: Scope,
  actor: Actor,
  ownerId: string | null,
  teams: TeamDirectory,
): boolean => {
  if (scope === 'any') return true;
  if (ownerId === null || ownerId === actor.id) return true;
  return scope === 'team' && teams.teamMembersOf(actor.id).has(ownerId);
};

/** A denial of `permission` to `actor`, saying why: what every refusal, of a read or a command, is. */
export const denialOf = (
  actor: Actor,
  permission: string,
  reason: string,
): AuthorizationDenial => ({
  kind: 'AuthorizationDenied',
  permission,
  actorId: actor.id,
  role: actor.role,
  reason,
});

/** What a permission is checked against: the roles' grants, and who manages whom. */
export interface AccessRules {
  readonly policy: RolePolicy;
  readonly teams: TeamDirectory;
}

/**
 * Whether `actor` may exercise `permission` on a record owned by `ownerId` (null: a new or unowned
 * record). A denial names the missing permission and why.
 */
export const authorize = (
  rules: AccessRules,
  actor: Actor,
  permission: string,
  ownerId: string | null,
): E.Either<AuthorizationDenial, void> => {
  const { policy, teams } = rules;
  const deny = (reason: string): E.Either<AuthorizationDenial, void> =>
    E.left(denialOf(actor, permission, reason));
  const departed = departureReason(teams, actor);
  if (departed !== undefined) return deny(departed);
  if (grantsOfRole(policy, actor.role) === undefined) return deny(`"${actor.role}" is not a role`);
  const grants = grantsCovering(policy, actor, permission);
  if (grants.length === 0) return deny(`the ${actor.role} role does not grant ${permission}`);
  if (grants.some((grant) => reaches(grant.scope, actor, ownerId, teams)))
    return E.right(undefined);
  return deny(
    `${permission} is granted to ${actor.role} only for ${grants.map((g) => g.scope).join(' or ')} records, and ${ownerId} is not`,
  );
};

/**
 * A command handler's `authorize` hook for one aggregate: the permission is
 * `<aggregate>.<command kind>`, checked against the owner the aggregate's state (or, for a new
 * record, the command) names. Trusted system work (a `systemActor` with a stated reason, which
 * only code can build) passes, so reactors use the same entry points as users.
 */
export const commandAuthorizer = <Command extends { readonly kind: string }, State>(
  aggregate: string,
  ownerOf: (state: State, command: Command) => string | null,
  policy: RolePolicy,
  teams: TeamDirectory,
): CommandAuthorizer<Command, State> =>
  orTrustedSystemWork((command, state, context) =>
    authorize(
      { policy, teams },
      context.actor,
      `${aggregate}.${command.kind}`,
      ownerOf(state, command),
    ),
  );
