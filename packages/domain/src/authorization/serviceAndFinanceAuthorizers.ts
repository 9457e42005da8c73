import type { CommandAuthorizer } from '@clientele/eventstore';
import type { CampaignCommand } from '../campaign/commands.js';
import type { CampaignState } from '../campaign/state.js';
import type { CommissionCommand } from '../commission/commands.js';
import type { CommissionState } from '../commission/state.js';
import type { InvoiceCommand } from '../invoice/commands.js';
import type { InvoiceState } from '../invoice/state.js';
import type { TargetCommand } from '../target/commands.js';
import type { TargetState } from '../target/decide.js';
import type { TicketCommand } from '../ticket/commands.js';
import type { TicketState } from '../ticket/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';

/** The authorizers of the service-and-finance aggregates, for their entry points' `authorize`. */
export interface ServiceAndFinanceAuthorizers {
  readonly ticket: CommandAuthorizer<TicketCommand, TicketState>;
  readonly invoice: CommandAuthorizer<InvoiceCommand, InvoiceState>;
  readonly campaign: CommandAuthorizer<CampaignCommand, CampaignState>;
  readonly target: CommandAuthorizer<TargetCommand, TargetState>;
  readonly commission: CommandAuthorizer<CommissionCommand, CommissionState>;
}

const unowned = (): null => null;

/**
 * Role-based authorizers for Ticket, Invoice, Campaign, Target and Commission. Tickets, invoices
 * and campaigns belong to a function (support, finance, marketing), not to a rep; a target
 * belongs to the rep or team it is for, and a commission ledger to its rep.
 */
export const serviceAndFinanceAuthorizers = (
  policy: RolePolicy,
  teams: TeamDirectory,
): ServiceAndFinanceAuthorizers => ({
  ticket: commandAuthorizer<TicketCommand, TicketState>('Ticket', unowned, policy, teams),
  invoice: commandAuthorizer<InvoiceCommand, InvoiceState>('Invoice', unowned, policy, teams),
  campaign: commandAuthorizer<CampaignCommand, CampaignState>('Campaign', unowned, policy, teams),
  target: commandAuthorizer<TargetCommand, TargetState>(
    'Target',
    (state, command) =>
      state.declared ? state.ownerId : command.kind === 'DeclareTarget' ? command.ownerId : null,
    policy,
    teams,
  ),
  commission: commandAuthorizer<CommissionCommand, CommissionState>(
    'Commission',
    (_state, command) => command.repId,
    policy,
    teams,
  ),
});
