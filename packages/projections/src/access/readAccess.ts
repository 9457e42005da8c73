import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial } from '@clientele/eventstore';
import type {
  ReadPermission,
  ReadScope,
  RolePolicy,
  TeamDirectory,
  TeamReads,
} from '@clientele/domain';
import { noTeamReads, readScope, withTeamReads } from '@clientele/domain';

/**
 * Who is reading, and what their role lets them read: every query and report takes one and shows
 * only the records within the actor's scope, or refuses with the denial naming the permission.
 */
export interface ReadAccess {
  readonly actor: Actor;
  readonly policy: RolePolicy;
  readonly teams: TeamDirectory;
  /** The actor's scope for one read permission, or the denial naming it. */
  scope(permission: ReadPermission): E.Either<AuthorizationDenial, ReadScope>;
}

/**
 * The read access of `actor` under a role policy and a team directory, widened by the records
 * the actor's deal and account teams let them read (`teamReads`, none by default).
 */
export const readAccess = (
  policy: RolePolicy,
  teams: TeamDirectory,
  actor: Actor,
  teamReads: TeamReads = noTeamReads,
): ReadAccess => ({
  actor,
  policy,
  teams,
  scope: (permission) =>
    withTeamReads(readScope(policy, teams, actor, permission), teamReads(permission)),
});

/** The scopes of several permissions, or the first denial: for reads that join record kinds. */
export const readScopes = <P extends ReadPermission>(
  access: ReadAccess,
  permissions: readonly P[],
): E.Either<AuthorizationDenial, Readonly<Record<P, ReadScope>>> => {
  const scopes = {} as Record<P, ReadScope>;
  for (const permission of permissions) {
    const scope = access.scope(permission);
    if (E.isLeft(scope)) return scope;
    scopes[permission] = scope.right;
  }
  return E.right(scopes);
};
