import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type {
  MoneyByCurrency,
  ProfitabilityGrouping,
  ProfitabilityRow,
} from '@clientele/projections';
import {
  DealDocument,
  activeDocuments,
  addTotals,
  customerNames,
  dealProfitabilityReport,
} from '@clientele/projections';
import { profitabilityChart } from './productToCashCharts.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

/** The groupings of the profitability report. */
export const PROFITABILITY_GROUPINGS: readonly ProfitabilityGrouping[] = ['deal', 'rep', 'product'];

const FIGURES = [
  column('money', 'collected', 'collected', 'Payments − refunds on the deals’ invoices.'),
  column(
    'money',
    'expenses',
    'expenses',
    'Approved and reimbursed expense claims linked to the deals.',
  ),
  column(
    'money',
    'commission',
    'commission',
    'Commission accrued minus clawed back because of the deals.',
  ),
  column('money', 'profit', 'profit', 'Collected − expenses − commission.'),
];

/** The columns of the profitability report. */
export const profitabilityShape: ReportShape = {
  name: 'profitability',
  description: 'Deal profitability (collected − expenses − commission) by deal, rep or product.',
  columns: [
    column('text', 'group', 'group id', {
      description: 'The deal, rep or product.',
      machineOnly: true,
    }),
    column('text', 'groupName', 'deal', {
      description: 'The deal’s customer, the rep, or the product; null when not to be shown.',
      nullable: true,
      fallbackKey: 'group',
    }),
    ...FIGURES,
  ],
  totalColumns: FIGURES,
};

/** The customers of deals, to name a deal by its customer. */
const dealCustomers = async (context: ReportContext, dealIds: readonly string[]) => {
  const wanted = new Set(dealIds);
  const customers = new Map<string, string>();
  for await (const { doc } of activeDocuments(context.readModels, 'deals', DealDocument)) {
    if (wanted.has(doc.opportunityId) && doc.customerId !== null)
      customers.set(doc.opportunityId, doc.customerId);
  }
  const names = await customerNames(
    context.readModels,
    context.events,
    context.access,
    customers.values(),
  );
  return (dealId: string) => {
    const customerId = customers.get(dealId);
    return customerId === undefined ? null : (names.get(customerId) ?? null);
  };
};

/**
 * Deal profitability by deal (named by its customer), rep or product (`--by`, deal by default),
 * over the deals the actor may read with their expenses (`Opportunity.read` and `ExpenseClaim.read`).
 */
export const profitabilityReport = async (
  context: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const groupBy = PROFITABILITY_GROUPINGS.find((grouping) => grouping === options.by) ?? 'deal';
  const rows = await dealProfitabilityReport(context.readModels, context.access, groupBy);
  if (E.isLeft(rows)) return rows;
  const nameOf =
    groupBy === 'deal'
      ? await dealCustomers(
          context,
          rows.right.map((row) => row.group),
        )
      : (group: string) => group;
  const sum = (pick: (row: ProfitabilityRow) => MoneyByCurrency) =>
    rows.right.reduce<MoneyByCurrency>((total, row) => addTotals(total, pick(row)), {});
  return E.right({
    name: 'profitability',
    title: `Deal profitability by ${groupBy}`,
    asOf: options.asOf,
    columns: profitabilityShape.columns.map((c) =>
      c.key === 'groupName' ? { ...c, title: groupBy } : c,
    ),
    rows: rows.right.map((row) => ({ ...row, groupName: nameOf(row.group) })),
    totalColumns: profitabilityShape.totalColumns,
    totals: {
      collected: sum((row) => row.collected),
      expenses: sum((row) => row.expenses),
      commission: sum((row) => row.commission),
      profit: sum((row) => row.profit),
    },
    chart: profitabilityChart(
      rows.right.map((row) => ({
        group: row.group,
        name: nameOf(row.group) ?? row.group,
        profit: row.profit,
      })),
      groupBy,
    ),
    note: 'By product, a deal’s collections follow what its invoices billed per product, and its expenses and commission its products’ shares of them.',
  });
};
