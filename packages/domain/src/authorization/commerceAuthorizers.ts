import type { CommandAuthorizer } from '@clientele/eventstore';
import type { AccountTeamCommand } from '../accountTeam/commands.js';
import type { AccountTeamState } from '../accountTeam/state.js';
import type { AnalyticsModelCommand } from '../analyticsModel/commands.js';
import type { AnalyticsModelState } from '../analyticsModel/state.js';
import type { ContractCommand } from '../contract/commands.js';
import type { ContractState } from '../contract/state.js';
import type { ExpenseClaimCommand } from '../expense/commands.js';
import type { ExpenseClaimState } from '../expense/state.js';
import type { ExpenseBudgetCommand } from '../expenseBudget/commands.js';
import type { ExpenseBudgetState } from '../expenseBudget/decide.js';
import type { PriceListCommand } from '../priceList/commands.js';
import type { PriceListState } from '../priceList/state.js';
import type { ProductCommand } from '../product/commands.js';
import type { ProductState } from '../product/state.js';
import type { QuoteCommand } from '../quote/commands.js';
import type { QuoteState } from '../quote/state.js';
import type { SalesOrderCommand } from '../salesOrder/commands.js';
import type { SalesOrderState } from '../salesOrder/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';

/**
 * The authorizers of the catalog, quotes, orders, contracts, expenses, account teams and
 * analytics models, for their entry points' `authorize`.
 */
export interface CommerceAuthorizers {
  readonly product: CommandAuthorizer<ProductCommand, ProductState>;
  readonly priceList: CommandAuthorizer<PriceListCommand, PriceListState>;
  readonly quote: CommandAuthorizer<QuoteCommand, QuoteState>;
  readonly salesOrder: CommandAuthorizer<SalesOrderCommand, SalesOrderState>;
  readonly contract: CommandAuthorizer<ContractCommand, ContractState>;
  readonly expenseClaim: CommandAuthorizer<ExpenseClaimCommand, ExpenseClaimState>;
  readonly expenseBudget: CommandAuthorizer<ExpenseBudgetCommand, ExpenseBudgetState>;
  readonly accountTeam: CommandAuthorizer<AccountTeamCommand, AccountTeamState>;
  readonly analyticsModel: CommandAuthorizer<AnalyticsModelCommand, AnalyticsModelState>;
}

/** A string field of a value, when it has one. */
const stringField = (value: object, field: string): string | null =>
  field in value && typeof (value as Record<string, unknown>)[field] === 'string'
    ? ((value as Record<string, unknown>)[field] as string)
    : null;

/**
 * The owner named by `field`: the recorded one once the aggregate exists, else the one the
 * creating command names.
 */
const ownedBy =
  (field: string) =>
  (state: object, command: object): string | null =>
    stringField(state, field) ?? stringField(command, field);

/** Records nobody owns (catalog entries, teams, models): only an `any` grant reaches them. */
const nobody = (): null => null;

/**
 * Role-based authorizers for the product-to-cash aggregates and their neighbours. Quotes, orders
 * and contracts belong to their owner, expense claims and budgets to their rep; catalog entries,
 * account teams and analytics models belong to nobody, so only an `any` grant reaches them.
 */
export const commerceAuthorizers = (
  policy: RolePolicy,
  teams: TeamDirectory,
): CommerceAuthorizers => ({
  product: commandAuthorizer<ProductCommand, ProductState>('Product', nobody, policy, teams),
  priceList: commandAuthorizer<PriceListCommand, PriceListState>(
    'PriceList',
    nobody,
    policy,
    teams,
  ),
  quote: commandAuthorizer<QuoteCommand, QuoteState>('Quote', ownedBy('ownerId'), policy, teams),
  salesOrder: commandAuthorizer<SalesOrderCommand, SalesOrderState>(
    'SalesOrder',
    ownedBy('ownerId'),
    policy,
    teams,
  ),
  contract: commandAuthorizer<ContractCommand, ContractState>(
    'Contract',
    ownedBy('ownerId'),
    policy,
    teams,
  ),
  expenseClaim: commandAuthorizer<ExpenseClaimCommand, ExpenseClaimState>(
    'ExpenseClaim',
    ownedBy('repId'),
    policy,
    teams,
  ),
  expenseBudget: commandAuthorizer<ExpenseBudgetCommand, ExpenseBudgetState>(
    'ExpenseBudget',
    ownedBy('repId'),
    policy,
    teams,
  ),
  accountTeam: commandAuthorizer<AccountTeamCommand, AccountTeamState>(
    'AccountTeam',
    nobody,
    policy,
    teams,
  ),
  analyticsModel: commandAuthorizer<AnalyticsModelCommand, AnalyticsModelState>(
    'AnalyticsModel',
    nobody,
    policy,
    teams,
  ),
});

/**
 * One authorizer for every product-to-cash entry point: for trusted system work
 * (`trustedSystemWork()`), the seeded history, or tests (`permitEveryoneInTests()`).
 */
export const oneAuthorizerForCommerce = (
  authorize: CommandAuthorizer<unknown, unknown>,
): CommerceAuthorizers => ({
  product: authorize,
  priceList: authorize,
  quote: authorize,
  salesOrder: authorize,
  contract: authorize,
  expenseClaim: authorize,
  expenseBudget: authorize,
  accountTeam: authorize,
  analyticsModel: authorize,
});
