import * as E from 'fp-ts/lib/Either.js';
import type {
  AgingBucket,
  MoneyByCurrency,
  ReceivablesRow,
  ReadRefusal,
} from '@clientele/projections';
import {
  AGING_BUCKETS,
  customerNames,
  daysSalesOutstanding,
  receivablesReport as receivablesRows,
} from '@clientele/projections';
import { formatMoney, mainCurrency, majorUnits } from './figures.js';
import type { Report, ReportRow } from './report.js';
import { cellText, column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName } from './reportSection.js';

const AGING_KEYS: Readonly<Record<AgingBucket, [key: string, title: string]>> = {
  current: ['agingCurrent', 'not yet due'],
  '1-30': ['aging1To30', '1–30 days'],
  '31-60': ['aging31To60', '31–60 days'],
  '61-90': ['aging61To90', '61–90 days'],
  '90+': ['aging90Plus', 'over 90 days'],
};

const AMOUNTS = [
  column('money', 'invoiced', 'invoiced', 'Issued invoices, net of voids.'),
  column('money', 'paid', 'paid', 'Payments made by the report date.'),
  column('money', 'refunded', 'refunded', 'Refunds made by the report date.'),
  column('money', 'writtenOff', 'written off', 'Amounts written off by the report date.'),
  column('money', 'outstanding', 'outstanding', 'Still owed on the report date.'),
  column('money', 'overdue', 'overdue', 'Outstanding on invoices past their due date.'),
  ...AGING_BUCKETS.map((bucket) => {
    const [key, title] = AGING_KEYS[bucket];
    return column('money', key, title, `Outstanding aged ${title} past due.`);
  }),
];

/** The columns of the receivables report. */
export const receivablesShape: ReportShape = {
  name: 'receivables',
  description:
    'Receivables per customer as of a day, largest outstanding first, aged by days past due; totals with days sales outstanding.',
  columns: [
    column('text', 'customerId', 'customer id', {
      description: 'The customer the invoices were issued to.',
      machineOnly: true,
      dataSubject: true,
    }),
    column('text', 'customerName', 'customer', {
      description:
        'The customer’s name, resolved from the encrypted log for an actor allowed to read it; "(erased)" once forgotten; null when unknown or not to be shown.',
      nullable: true,
      fallbackKey: 'customerId',
    }),
    ...AMOUNTS,
  ],
  totalColumns: [
    ...AMOUNTS,
    column('days', 'daysSalesOutstanding', 'days sales outstanding (90 days)', {
      description: 'Outstanding ÷ credit sales of the 90 days to the report date × 90.',
      byCurrency: true,
    }),
  ],
};

const amounts = (row: ReceivablesRow) => ({
  invoiced: row.invoiced,
  paid: row.paid,
  refunded: row.refunded,
  writtenOff: row.writtenOff,
  outstanding: row.outstanding,
  overdue: row.overdue,
  ...Object.fromEntries(AGING_BUCKETS.map((bucket) => [AGING_KEYS[bucket][0], row.aging[bucket]])),
});

/** How many customers the demo shows: the largest outstanding. */
const DEMO_ROWS = 5;

/**
 * Receivables as of a day (`Invoice.read`): per customer, largest outstanding first (then by
 * name), with names resolved at render time; in total, aged by days past due, with DSO.
 */
export const receivablesReport = async (
  { readModels, events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const receivables = await receivablesRows(readModels, access, { asOf: options.asOf });
  if (E.isLeft(receivables)) return receivables;
  const outstanding = await daysSalesOutstanding(readModels, access, { asOf: options.asOf });
  if (E.isLeft(outstanding)) return outstanding;
  const customers = receivables.right.filter((row) => row.customerId !== null);
  const total = receivables.right.find((row) => row.customerId === null);
  // The read model always ends with the total row; without it the figures cannot be trusted.
  if (total === undefined) throw new Error('the receivables read model returned no total row');
  const currency = mainCurrency([total.outstanding]);
  const names = await customerNames(
    readModels,
    events,
    access,
    customers.map((row) => row.customerId ?? ''),
  );
  const label = (row: ReportRow) => cellText(row['customerName'] ?? row['customerId']);
  const owed = (row: ReportRow) =>
    currency === undefined ? 0 : ((row['outstanding'] as MoneyByCurrency)[currency] ?? 0);
  const rows: ReportRow[] = customers
    .map((row) => ({
      customerId: row.customerId,
      customerName: names.get(row.customerId ?? '') ?? null,
      ...amounts(row),
    }))
    .sort((a, b) => owed(b) - owed(a) || byName(label(a), label(b)));
  const shown = options.detail ? rows : rows.slice(0, DEMO_ROWS);
  return E.right({
    name: 'receivables',
    title: 'Receivables',
    asOf: options.asOf,
    columns: receivablesShape.columns,
    rows: shown,
    totalColumns: receivablesShape.totalColumns,
    totals: {
      ...amounts(total),
      daysSalesOutstanding: Object.fromEntries(
        Object.entries(outstanding.right).map(([c, r]) => [
          c,
          r.value === null ? null : Math.round(r.value * 10) / 10,
        ]),
      ),
    },
    chart:
      currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `Outstanding by days past due (${currency})`,
            bars: AGING_BUCKETS.map((bucket) => ({
              label: AGING_KEYS[bucket][1],
              key: bucket,
              value: majorUnits(total.aging[bucket], currency),
              display: formatMoney({ [currency]: total.aging[bucket][currency] ?? 0 }),
            })),
          },
    note: `${options.detail ? '' : `The ${DEMO_ROWS} largest of ${rows.length} customers. `}Payments after ${options.asOf} count as not yet made; days sales outstanding over the 90 days to then.`,
  });
};
