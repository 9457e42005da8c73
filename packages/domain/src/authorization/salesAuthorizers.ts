import type { CommandAuthorizer } from '@clientele/eventstore';
import type { CustomerCommand } from '../customer/commands.js';
import type { CustomerState } from '../customer/state.js';
import type { LeadCommand } from '../lead/commands.js';
import type { LeadState } from '../lead/state.js';
import type { OpportunityCommand } from '../opportunity/commands.js';
import type { OpportunityState } from '../opportunity/state.js';
import type { SalesOrganizationCommand } from '../salesOrganization/commands.js';
import type { SalesOrganizationState } from '../salesOrganization/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';

/** The authorizers of the sales aggregates, for their entry points' `authorize` option. */
export interface SalesAuthorizers {
  readonly customer: CommandAuthorizer<CustomerCommand, CustomerState>;
  readonly lead: CommandAuthorizer<LeadCommand, LeadState>;
  readonly opportunity: CommandAuthorizer<OpportunityCommand, OpportunityState>;
  /**
   * The sales organization: opening offices, forming teams, appointing managers and moving reps
   * decide who gets `team` scope, so each needs its `SalesOrganization.<command>` permission
   * (administrators only, by default) whoever the rep or manager is.
   */
  readonly organization: CommandAuthorizer<SalesOrganizationCommand, SalesOrganizationState>;
}

/**
 * Role-based authorizers for Customer, Lead and Opportunity: the owner is the one the record's
 * state names, or, for a record being created, the owner the command names (none: unowned).
 */
export const salesAuthorizers = (policy: RolePolicy, teams: TeamDirectory): SalesAuthorizers => ({
  customer: commandAuthorizer<CustomerCommand, CustomerState>(
    'Customer',
    (state, command) =>
      'registered' in state
        ? state.ownerId
        : command.kind === 'RegisterCustomer'
          ? (command.ownerId ?? null)
          : null,
    policy,
    teams,
  ),
  lead: commandAuthorizer<LeadCommand, LeadState>(
    'Lead',
    (state) => ('captured' in state ? state.ownerId : null),
    policy,
    teams,
  ),
  opportunity: commandAuthorizer<OpportunityCommand, OpportunityState>(
    'Opportunity',
    (state, command) =>
      'opened' in state
        ? state.ownerId
        : command.kind === 'OpenOpportunity'
          ? command.ownerId
          : null,
    policy,
    teams,
  ),
  // Owned by nobody: a rep adding themselves to a team is not acting on their own record.
  organization: commandAuthorizer<SalesOrganizationCommand, SalesOrganizationState>(
    'SalesOrganization',
    () => null,
    policy,
    teams,
  ),
});
