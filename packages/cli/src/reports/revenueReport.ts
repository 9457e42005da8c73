import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { MoneyByCurrency } from '@clientele/projections';
import { addTotals, revenueByProductReport } from '@clientele/projections';
import { formatMoney, mainCurrency, majorUnits } from './figures.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName, withinRange } from './reportSection.js';

const FIGURES = [
  column(
    'count',
    'orders',
    'orders',
    'Order lines of the product placed in the period, cancelled orders left out.',
  ),
  column('count', 'units', 'units', 'Units ordered.'),
  column('money', 'booked', 'booked', 'Net of discounts, before tax: what the orders booked.'),
  column(
    'money',
    'collected',
    'collected',
    'Payments − refunds received in the period on invoices billing the product, tax included.',
  ),
];

/** The groupings of the revenue report: by the booking rep's region, or products only. */
export const REVENUE_GROUPINGS = ['region', 'product'] as const;

/** The columns of the revenue report. */
export const revenueShape: ReportShape = {
  name: 'revenue',
  description:
    'Booked (orders, net of discounts) and collected revenue by product, period and the rep’s region.',
  columns: [
    column('text', 'productId', 'product id', { description: 'The product.', machineOnly: true }),
    column('text', 'sku', 'SKU', 'The product’s stock-keeping unit.'),
    column('text', 'product', 'product', 'The product’s name as the order recorded it.'),
    column('period', 'period', 'period', 'The period of the order day.'),
    column(
      'text',
      'region',
      'region',
      'The booking rep’s region on the order day; `all` with --by product.',
    ),
    ...FIGURES,
  ],
  totalColumns: FIGURES,
};

/**
 * Booked revenue by product, period and region (`--by region`, the default) or by product and
 * period only (`--by product`), over the orders the actor may read (`SalesOrder.read`).
 */
export const revenueReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const all = await revenueByProductReport(readModels, access, {
    period: options.period,
    byRegion: options.by !== 'product',
    asOf: options.asOf,
  });
  if (E.isLeft(all)) return all;
  const rows = all.right.filter((row) => withinRange(row.period, options));
  const booked = rows.reduce<MoneyByCurrency>((sum, row) => addTotals(sum, row.booked), {});
  const currency = mainCurrency([booked]);
  const byProduct = new Map<string, MoneyByCurrency>();
  for (const row of rows)
    byProduct.set(row.product, addTotals(byProduct.get(row.product) ?? {}, row.booked));
  return E.right({
    name: 'revenue',
    title: 'Revenue by product',
    asOf: options.asOf,
    columns: revenueShape.columns,
    rows: rows.map((row) => ({ ...row })),
    totalColumns: revenueShape.totalColumns,
    totals: {
      orders: rows.reduce((n, row) => n + row.orders, 0),
      units: rows.reduce((n, row) => n + row.units, 0),
      booked,
      collected: rows.reduce<MoneyByCurrency>((sum, row) => addTotals(sum, row.collected), {}),
    },
    chart:
      currency === undefined
        ? undefined
        : {
            kind: 'bars',
            title: `Booked revenue by product (${currency})`,
            bars: [...byProduct.entries()]
              .sort(([a], [b]) => byName(a, b))
              .map(([product, amount]) => ({
                label: product,
                key: product,
                value: majorUnits(amount, currency),
                display: formatMoney({ [currency]: amount[currency] ?? 0 }),
              })),
          },
    note: 'Booked = the net of the order lines (after discounts, before tax) on the order day, cancelled orders left out; collected = payments less refunds on the day received.',
  });
};
