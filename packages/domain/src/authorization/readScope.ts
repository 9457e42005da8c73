import * as E from 'fp-ts/lib/Either.js';
import type { Actor, AuthorizationDenial } from '@clientele/eventstore';
import type { TeamDirectory } from './authorize.js';
import { denialOf, departureReason, grantsCovering } from './authorize.js';
import type { RolePolicy, Scope } from './roles.js';
import { grantsOfRole } from './roles.js';

/**
 * The read permissions queries and reports check, one per kind of record (quotes, orders,
 * contracts and expense claims have their own, so reading them is granted apart from deals),
 * plus `Customer.export`
 * for bulk export and `CustomerExport.read` for the history of exports.
 */
export type ReadPermission =
  | 'Customer.read'
  | 'Lead.read'
  | 'Opportunity.read'
  | 'Ticket.read'
  | 'Invoice.read'
  | 'Campaign.read'
  | 'Target.read'
  | 'Commission.read'
  | 'CustomerExport.read'
  | 'Activity.read'
  | 'Task.read'
  | 'Appointment.read'
  | 'Quote.read'
  | 'SalesOrder.read'
  | 'Contract.read'
  | 'ExpenseClaim.read'
  | 'Customer.export';

/**
 * Which records of one kind an actor may read: all of them (`any`), or those owned by one of
 * `owners` (`team`: the actor and the reps they manage; `own`: the actor alone), and the
 * `records` (by id) a deal or account team lets them read whoever owns them.
 */
export type ReadScope =
  | { readonly permission: string; readonly reach: 'any' }
  | {
      readonly permission: string;
      readonly reach: 'team' | 'own';
      readonly owners: ReadonlySet<string>;
      readonly records?: ReadonlySet<string>;
    };

const WIDTH: Readonly<Record<Scope, number>> = { own: 0, team: 1, any: 2 };

/** Whether a scope reaches at least as far as another: `any` ⊇ `team` ⊇ `own`. */
export const scopeCovers = (granted: Scope, wanted: Scope): boolean =>
  WIDTH[granted] >= WIDTH[wanted];

/**
 * What `actor` may read under `permission`: the widest of the role's grants covering it, resolved
 * to owner ids with the team directory. A role with no such grant (or an unknown role) gets the
 * denial naming the permission, so a caller can say "not allowed" instead of showing "no data".
 */
export const readScope = (
  policy: RolePolicy,
  teams: TeamDirectory,
  actor: Actor,
  permission: ReadPermission,
): E.Either<AuthorizationDenial, ReadScope> => {
  const denial = (reason: string): E.Either<AuthorizationDenial, ReadScope> =>
    E.left(denialOf(actor, permission, reason));
  const departed = departureReason(teams, actor);
  if (departed !== undefined) return denial(departed);
  if (grantsOfRole(policy, actor.role) === undefined)
    return denial(`"${actor.role}" is not a role`);
  const scopes = grantsCovering(policy, actor, permission).map((grant) => grant.scope);
  if (scopes.length === 0) return denial(`the ${actor.role} role does not grant ${permission}`);
  const widest = scopes.reduce((a, b) => (scopeCovers(a, b) ? a : b));
  if (widest === 'any') return E.right({ permission, reach: 'any' });
  const owners = new Set([actor.id]);
  if (widest === 'team') for (const member of teams.teamMembersOf(actor.id)) owners.add(member);
  return E.right({ permission, reach: widest, owners });
};

/**
 * Whether a record owned by `ownerId` lies within a read scope. An unowned record (null: an
 * unassigned lead, an invoice, a ticket) is readable only with `any` scope: a rep's own scope
 * covers what is theirs, not the shared pool. A reader that names the record (`recordId`, the
 * customer's or the deal's id) also lets the actor's deal and account teams grant it.
 */
export const inReadScope = (scope: ReadScope, ownerId: string | null, recordId?: string): boolean =>
  scope.reach === 'any' ||
  (ownerId !== null && scope.owners.has(ownerId)) ||
  (recordId !== undefined && scope.records?.has(recordId) === true);

/** The denial of a record outside an actor's read scope, naming the permission and the owner. */
export const outsideReadScope = (
  scope: ReadScope,
  actor: Actor,
  record: string,
  ownerId: string | null,
): AuthorizationDenial => ({
  kind: 'AuthorizationDenied',
  permission: scope.permission,
  actorId: actor.id,
  role: actor.role,
  reason: `${scope.permission} is granted to ${actor.role} only for ${scope.reach} records, and ${record} ${ownerId === null ? 'has no owner' : `belongs to ${ownerId}`}`,
});
