import type { CommandAuthorizer } from '@clientele/eventstore';
import type { TeamDirectory } from '../authorization/authorize.js';
import { authorize, noTeams } from '../authorization/authorize.js';
import type { AccessPolicyCommand } from './commands.js';
import type { AccessPolicyState } from './state.js';
import { rolePolicyOf } from './state.js';

/**
 * Who may change a tenant's roles: whoever holds `AccessPolicy.<command>` under the tenant's
 * policy as it stands (administrators by default, and any role a tenant granted it to). It is
 * checked against the loaded policy, so a revoked grant stops working with the next command.
 * Trusted system work is not let through: roles change only by a person, named in the log.
 * Pass the team directory with the tenant's departures (`withDepartures`) so that someone whose
 * access ended is refused too; roles belong to nobody, so teams grant nothing here.
 */
export const accessPolicyAuthorizer =
  (teams: TeamDirectory = noTeams): CommandAuthorizer<AccessPolicyCommand, AccessPolicyState> =>
  (command, state, context) =>
    authorize(
      { policy: rolePolicyOf(state), teams },
      context.actor,
      `AccessPolicy.${command.kind}`,
      null,
    );
