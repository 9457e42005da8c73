import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import {
  AGING_BUCKETS,
  daysSalesOutstanding,
  receivablesReport as receivablesRows,
} from '@clientele/projections';
import { formatMoney, mainCurrency, majorUnits } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

/** Receivables as of a day: per customer and in total, aged by days past due, with DSO (`Invoice.read`). */
export const receivablesReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const receivables = await receivablesRows(readModels, access, { asOf: options.asOf });
  if (E.isLeft(receivables)) return receivables;
  const outstanding = await daysSalesOutstanding(readModels, access, { asOf: options.asOf });
  if (E.isLeft(outstanding)) return outstanding;
  const rows = receivables.right;
  const dso = outstanding.right;
  const total = rows[rows.length - 1];
  const currency = total === undefined ? undefined : mainCurrency([total.outstanding]);
  return E.right({
    title: `Receivables as of ${options.asOf}`,
    chart:
      total === undefined || currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `Outstanding by days past due (${currency})`,
            bars: AGING_BUCKETS.map((bucket) => ({
              label: bucket,
              value: majorUnits(total.aging[bucket], currency),
              display: formatMoney({ [currency]: total.aging[bucket][currency] ?? 0 }),
            })),
          },
    header: [
      'customer',
      'invoiced',
      'paid',
      'refunded',
      'written off',
      'outstanding',
      'overdue',
      ...AGING_BUCKETS,
    ],
    rows: (options.detail ? rows : rows.slice(-1)).map((row) => [
      row.customerId ?? 'TOTAL',
      formatMoney(row.invoiced),
      formatMoney(row.paid),
      formatMoney(row.refunded),
      formatMoney(row.writtenOff),
      formatMoney(row.outstanding),
      formatMoney(row.overdue),
      ...AGING_BUCKETS.map((bucket) => formatMoney(row.aging[bucket])),
    ]),
    note: `Payments after ${options.asOf} count as not yet made. Days sales outstanding (90 days): ${
      Object.entries(dso)
        .map(([c, r]) => `${c} ${r.value === null ? '—' : Number(r.value).toFixed(1)}`)
        .join('; ') || '—'
    }.`,
    data: { rows, daysSalesOutstanding: dso },
  });
};
