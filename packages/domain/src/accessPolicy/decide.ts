import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import { grantsOfRole } from '../authorization/roles.js';
import type { AccessPolicyCommand } from './commands.js';
import type { AccessPolicyError } from './errors.js';
import type { AccessPolicyEvent } from './events.js';
import type { AccessPolicyState } from './state.js';
import { evolveAccessPolicy, initialAccessPolicyState, rolePolicyOf } from './state.js';

type Decision = E.Either<AccessPolicyError, readonly AccessPolicyEvent[]>;

const decide = (command: AccessPolicyCommand, state: AccessPolicyState): Decision => {
  const { tenantId, role } = command;
  const grants = grantsOfRole(rolePolicyOf(state), role);
  if (command.kind === 'DefineRole') {
    if (grants !== undefined) return E.left({ kind: 'RoleAlreadyExists', role });
    const { description } = command;
    return E.right([{ type: 'RoleDefined', data: { tenantId, role, description } }]);
  }
  if (grants === undefined) return E.left({ kind: 'RoleNotFound', role });
  const { permission } = command;
  const held = grants.find((grant) => grant.permission === permission);
  if (command.kind === 'GrantPermission') {
    const { scope } = command;
    if (held?.scope === scope)
      return E.left({ kind: 'PermissionAlreadyHeld', role, permission, scope });
    return E.right([{ type: 'PermissionGranted', data: { tenantId, role, permission, scope } }]);
  }
  if (role === 'administrator' && permission === '*')
    return E.left({ kind: 'AdministratorKeepsEverything' });
  if (held === undefined) return E.left({ kind: 'PermissionNotHeld', role, permission });
  return E.right([{ type: 'PermissionRevoked', data: { tenantId, role, permission } }]);
};

/**
 * The AccessPolicy decider: one stream per tenant (`AccessPolicy-<tenantId>`) holding the roles
 * it defined and the permissions it granted or revoked, over the built-in defaults.
 */
export const accessPolicyDecider: Decider<
  AccessPolicyCommand,
  AccessPolicyEvent,
  AccessPolicyState,
  AccessPolicyError
> = { initialState: initialAccessPolicyState, decide, evolve: evolveAccessPolicy };
