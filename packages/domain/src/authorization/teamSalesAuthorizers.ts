import type { CommandAuthorizer } from '@clientele/eventstore';
import type { AccountTeamCommand } from '../accountTeam/commands.js';
import type { AccountTeamState } from '../accountTeam/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';
import type { SalesAuthorizers } from './salesAuthorizers.js';
import { salesAuthorizers } from './salesAuthorizers.js';
import type { AccountTeamDirectory, TeamRolePolicy } from './teamGrants.js';
import { defaultTeamRolePolicy, withTeamGrants } from './teamGrants.js';

/**
 * The sales authorizers with deal and account teams: a customer's or a deal's team members may
 * also do what the team-role policy grants their team role on that record.
 */
export const teamAwareSalesAuthorizers = (
  policy: RolePolicy,
  teams: TeamDirectory,
  accountTeams: AccountTeamDirectory,
  teamPolicy: TeamRolePolicy = defaultTeamRolePolicy,
): SalesAuthorizers => {
  const plain = salesAuthorizers(policy, teams);
  return {
    ...plain,
    customer: withTeamGrants(plain.customer, {
      aggregate: 'Customer',
      recordType: 'customer',
      recordIdOf: (command) => command.customerId,
      directory: accountTeams,
      policy: teamPolicy,
    }),
    opportunity: withTeamGrants(plain.opportunity, {
      aggregate: 'Opportunity',
      recordType: 'opportunity',
      recordIdOf: (command) => command.opportunityId,
      directory: accountTeams,
      policy: teamPolicy,
    }),
  };
};

/**
 * Who may change a team: permission `AccountTeam.<kind>` under the role policy (a team belongs
 * to no one, so managers' and administrators' grants decide), or a member whose team role grants
 * it.
 */
export const accountTeamAuthorizer = (
  policy: RolePolicy,
  teams: TeamDirectory,
  accountTeams: AccountTeamDirectory,
  teamPolicy: TeamRolePolicy = defaultTeamRolePolicy,
): CommandAuthorizer<AccountTeamCommand, AccountTeamState> => {
  const byRole = commandAuthorizer<AccountTeamCommand, AccountTeamState>(
    'AccountTeam',
    () => null,
    policy,
    teams,
  );
  return (command, state, context) =>
    withTeamGrants(byRole, {
      aggregate: 'AccountTeam',
      recordType: command.recordType,
      recordIdOf: (sent) => sent.recordId,
      directory: accountTeams,
      policy: teamPolicy,
    })(command, state, context);
};
