import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial, CommandAuthorizer } from '@clientele/eventstore';
import type { CustomerExportCommand } from '../customerExport/commands.js';
import type { CustomerExportState } from '../customerExport/decide.js';
import type { TeamDirectory } from './authorize.js';
import { inReadScope, outsideReadScope, readScope, scopeCovers } from './readScope.js';
import type { RolePolicy } from './roles.js';

/**
 * The `authorize` hook of customer exports: the actor's role must grant `Customer.export` by name
 * (`Customer.*` does not), with a scope at least as wide as the export says it used, and every
 * customer listed must be within that scope (own: the actor's, team: the actor's team's, any).
 */
export const customerExportAuthorizer =
  (
    policy: RolePolicy,
    teams: TeamDirectory,
  ): CommandAuthorizer<CustomerExportCommand, CustomerExportState> =>
  (command, _state, { actor }) => {
    const scope = readScope(policy, teams, actor, 'Customer.export');
    if (E.isLeft(scope)) return scope;
    if (!scopeCovers(scope.right.reach, command.scope)) {
      const denial: AuthorizationDenial = {
        kind: 'AuthorizationDenied',
        permission: 'Customer.export',
        actorId: actor.id,
        role: actor.role,
        reason: `Customer.export is granted to ${actor.role} only for ${scope.right.reach} records, not ${command.scope}`,
      };
      return E.left(denial);
    }
    const outside = command.customers.find((c) => !inReadScope(scope.right, c.ownerId));
    return outside === undefined
      ? E.right(undefined)
      : E.left(
          outsideReadScope(scope.right, actor, `customer ${outside.customerId}`, outside.ownerId),
        );
  };
