import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import {
  type MoneyByCurrency,
  addAmount,
  addTotals,
  subtractTotals,
} from '../../definitions/moneyByCurrency.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { ExpenseClaimDocument } from '../expenses/expenseClaimDocument.js';
import { CommissionCauseDocument, DealRevenueDocument } from './dealRevenueDocument.js';
import { productShares } from './productShares.js';

/** How the profitability report groups deals. */
export type ProfitabilityGrouping = 'deal' | 'rep' | 'product';

/** Profitability of one deal, rep or product. */
export interface ProfitabilityRow {
  /** The opportunity id, the rep id, or the product name. */
  readonly group: string;
  readonly collected: MoneyByCurrency;
  /** Approved and reimbursed claims linked to the deals. */
  readonly expenses: MoneyByCurrency;
  /** Commission accrued minus clawed back because of the deals. */
  readonly commission: MoneyByCurrency;
  /** Collected − expenses − commission. */
  readonly profit: MoneyByCurrency;
}

interface DealFigures {
  readonly repId: string | null;
  readonly collected: MoneyByCurrency;
  expenses: MoneyByCurrency;
  commission: MoneyByCurrency;
  readonly doc: DealRevenueDocument;
}

const dealFigures = async (readModels: ReadModelStore): Promise<Map<string, DealFigures>> => {
  const deals = new Map<string, DealFigures>();
  const deal = (opportunityId: string, repId: string | null): DealFigures => {
    const known = deals.get(opportunityId);
    if (known !== undefined) return known;
    const created = {
      repId,
      collected: {},
      expenses: {},
      commission: {},
      doc: { opportunityId, repId: null, collected: {}, invoices: {} },
    };
    deals.set(opportunityId, created);
    return created;
  };
  for await (const { doc } of activeDocuments(readModels, 'dealRevenue', DealRevenueDocument)) {
    deals.set(doc.opportunityId, {
      repId: doc.repId,
      collected: doc.collected,
      expenses: {},
      commission: {},
      doc,
    });
  }
  for await (const { doc } of activeDocuments(readModels, 'expenses', ExpenseClaimDocument, {
    keyPrefix: 'claim:',
  })) {
    if (doc.opportunityId === null || (doc.status !== 'approved' && doc.status !== 'reimbursed'))
      continue;
    const figures = deal(doc.opportunityId, doc.repId);
    figures.expenses = addAmount(figures.expenses, {
      amountMinor: doc.amountMinor,
      currency: doc.currency,
    });
  }
  // A collected base names the invoice, a booked one the deal: the deal of an invoice is the one
  // whose invoices it is among.
  const dealOfInvoice = new Map<string, string>();
  for (const [opportunityId, figures] of deals) {
    for (const invoiceId of Object.keys(figures.doc.invoices))
      dealOfInvoice.set(invoiceId, opportunityId);
  }
  for await (const { doc } of activeDocuments(
    readModels,
    'commissionCauses',
    CommissionCauseDocument,
  )) {
    const opportunityId =
      doc.opportunityId ?? (doc.invoiceId === null ? undefined : dealOfInvoice.get(doc.invoiceId));
    if (opportunityId === undefined) continue;
    const figures = deal(opportunityId, null);
    figures.commission = addTotals(figures.commission, doc.commission);
  }
  return deals;
};

/**
 * Deal profitability = collected revenue − expenses − commission, per deal, rep or product.
 * Collected is payments − refunds on the deal's invoices; expenses are approved or reimbursed
 * claims linked to the deal; commission is what was accrued minus clawed back because of the
 * deal. By product, a deal's collections are split by what each invoice billed per product, and
 * its expenses and commission by the products' shares of its collections (whole minor units,
 * largest remainder). A deal's row shows its expenses, so it is read within both the actor's
 * `Opportunity.read` and `ExpenseClaim.read` scopes, by the deal's rep.
 */
export const dealProfitabilityReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  groupBy: ProfitabilityGrouping,
): Promise<E.Either<AuthorizationDenial, ProfitabilityRow[]>> => {
  const scope = access.scope('Opportunity.read');
  if (E.isLeft(scope)) return scope;
  const expenseScope = access.scope('ExpenseClaim.read');
  if (E.isLeft(expenseScope)) return expenseScope;
  const readable = (repId: string | null) =>
    inReadScope(scope.right, repId) && inReadScope(expenseScope.right, repId);
  const rows = new Map<string, Omit<ProfitabilityRow, 'profit'>>();
  const add = (group: string, figures: Omit<ProfitabilityRow, 'group' | 'profit'>) => {
    const row = rows.get(group) ?? { group, collected: {}, expenses: {}, commission: {} };
    rows.set(group, {
      group,
      collected: addTotals(row.collected, figures.collected),
      expenses: addTotals(row.expenses, figures.expenses),
      commission: addTotals(row.commission, figures.commission),
    });
  };
  for (const [opportunityId, deal] of await dealFigures(readModels)) {
    if (!readable(deal.repId)) continue;
    if (groupBy === 'deal') add(opportunityId, deal);
    else if (groupBy === 'rep') add(deal.repId ?? '(no rep)', deal);
    else for (const [product, share] of productShares(deal)) add(product, share);
  }
  return E.right(
    [...rows.values()]
      .map((row) => ({
        ...row,
        profit: subtractTotals(subtractTotals(row.collected, row.expenses), row.commission),
      }))
      .sort((a, b) => a.group.localeCompare(b.group)),
  );
};
