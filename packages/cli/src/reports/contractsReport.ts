import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { MoneyByCurrency } from '@clientele/projections';
import { addTotals, contractRenewalsReport, customerNames } from '@clientele/projections';
import { contractsChart } from './productToCashCharts.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

/** Days ahead the report looks for renewals when `--to` is not given. */
const DEFAULT_WINDOW_DAYS = 90;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The columns of the contracts report. */
export const contractsShape: ReportShape = {
  name: 'contracts',
  description:
    'Contracts whose term ends in the window (renewing or ending) and contracts churned.',
  columns: [
    column('text', 'contractId', 'contract id', {
      description: 'The contract.',
      machineOnly: true,
    }),
    column('text', 'customerId', 'customer id', {
      description: 'The customer.',
      machineOnly: true,
      dataSubject: true,
    }),
    column('text', 'customerName', 'customer', {
      description: 'The customer’s name, for an actor allowed to read it.',
      nullable: true,
      fallbackKey: 'customerId',
    }),
    column('text', 'rep', 'rep', 'The rep who owns the contract.'),
    column(
      'code',
      'outlook',
      'outlook',
      'renewing, ending (under notice or not renewing itself) or churned (ended by notice).',
    ),
    column('count', 'term', 'term', 'The current (or last) term, 1 for the first.'),
    column('text', 'endOn', 'term ends', 'The last day of the term (of the contract, once ended).'),
    column('money', 'termNet', 'term value', 'What one term bills, net of discounts, before tax.'),
  ],
  totalColumns: [
    column('count', 'renewing', 'renewing', 'Contracts renewing in the window.'),
    column('count', 'ending', 'ending', 'Contracts ending in the window.'),
    column('count', 'churned', 'churned', 'Contracts ended by notice.'),
    column(
      'money',
      'valueAtRisk',
      'value at risk',
      'Term value of the contracts ending or churned.',
    ),
  ],
};

/**
 * Contracts whose term ends from the report date to `--to` (90 days by default), and contracts
 * churned from `--from` (the start of the report date's year by default) to the report date.
 */
export const contractsReport = async (
  { readModels, events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const withinDays =
    options.to === undefined
      ? DEFAULT_WINDOW_DAYS
      : Math.max(0, dayNumber(options.to) - dayNumber(options.asOf));
  const churnedSince = options.from ?? `${options.asOf.slice(0, 4)}-01-01`;
  const rows = await contractRenewalsReport(readModels, access, {
    asOf: options.asOf,
    withinDays,
    churnedSince,
  });
  if (E.isLeft(rows)) return rows;
  const names = await customerNames(
    readModels,
    events,
    access,
    rows.right.map((row) => row.customerId),
  );
  const count = (outlook: string) => rows.right.filter((row) => row.outlook === outlook).length;
  return E.right({
    name: 'contracts',
    title: 'Contracts renewing and churned',
    asOf: options.asOf,
    columns: contractsShape.columns,
    rows: rows.right.map((row) => ({
      contractId: row.contractId,
      customerId: row.customerId,
      customerName: names.get(row.customerId) ?? null,
      rep: row.ownerId,
      outlook: row.outlook,
      term: row.term,
      endOn: row.endOn,
      termNet: row.termNet,
    })),
    totalColumns: contractsShape.totalColumns,
    totals: {
      renewing: count('renewing'),
      ending: count('ending'),
      churned: count('churned'),
      valueAtRisk: rows.right
        .filter((row) => row.outlook !== 'renewing')
        .reduce<MoneyByCurrency>((sum, row) => addTotals(sum, row.termNet), {}),
    },
    chart: contractsChart(rows.right, withinDays),
    note: `Terms ending from ${options.asOf} within ${String(withinDays)} days; churned since ${churnedSince}.`,
  });
};
