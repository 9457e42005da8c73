import { oneAuthorizerForCommerce } from '../../authorization/commerceAuthorizers.js';
import { simulatedStaff } from '../simulatedStaff.js';
import type { EventStore } from '@clientele/eventstore';
import type { ScheduledInvoicing } from '../../billing/scheduledInvoicing.js';
import { createScheduledInvoicing } from '../../billing/scheduledInvoicing.js';
import type { ExpenseClaimService } from '../../expense/expenseClaimService.js';
import { createExpenseClaimService } from '../../expense/expenseClaimService.js';
import type { ExpenseBudgetService } from '../../expenseBudget/expenseBudgetService.js';
import { createExpenseBudgetService } from '../../expenseBudget/expenseBudgetService.js';
import type { InvoiceService } from '../../invoice/invoiceService.js';
import { createInvoiceService } from '../../invoice/invoiceService.js';
import { createOpportunityService } from '../../opportunity/opportunityService.js';
import type { ProductToCashServices } from '../../quoteAcceptance/productToCashServices.js';
import { createProductToCashServices } from '../../quoteAcceptance/productToCashServices.js';
import type { ContractRenewals } from '../../renewal/contractRenewals.js';
import { createContractRenewals } from '../../renewal/contractRenewals.js';

/** The business day the generator has reached, read by the reactors' clock ports. */
export interface HistoryCalendar {
  today: string;
}

/** Every product-to-cash entry point and reactor the generator drives. */
export interface GeneratedProductToCash extends ProductToCashServices {
  readonly invoices: InvoiceService;
  readonly claims: ExpenseClaimService;
  readonly budgets: ExpenseBudgetService;
  readonly invoicing: ScheduledInvoicing;
  readonly renewals: ContractRenewals;
  /** The clock of the reactors: the generator moves it to its business day before each step. */
  readonly calendar: HistoryCalendar;
}

/** Wires the product-to-cash services over a store with a seeded event id generator. */
export const createGeneratedProductToCash = (
  store: EventStore,
  newEventId: () => string,
): GeneratedProductToCash => {
  const calendar: HistoryCalendar = { today: '2026-01-01' };
  const clock = { today: () => calendar.today };
  const authorizers = oneAuthorizerForCommerce(simulatedStaff());
  const services = createProductToCashServices(store, { newEventId, authorizers });
  const invoices = createInvoiceService(store, { newEventId, authorize: simulatedStaff() });
  return {
    ...services,
    invoices,
    claims: createExpenseClaimService(store, {
      newEventId,
      authorize: authorizers.expenseClaim,
    }),
    budgets: createExpenseBudgetService(store, {
      newEventId,
      authorize: authorizers.expenseBudget,
    }),
    invoicing: createScheduledInvoicing({ store, invoices, clock }),
    renewals: createContractRenewals({
      store,
      contracts: services.contracts,
      opportunities: createOpportunityService(store, { newEventId, authorize: simulatedStaff() }),
      clock,
    }),
    calendar,
  };
};
