import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { QuoteConversionRow } from '@clientele/projections';
import { quoteConversionReport, ratio } from '@clientele/projections';
import { percent } from './figures.js';
import { quotesChart } from './productToCashCharts.js';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

const FIGURES = [
  column('count', 'quotesSent', 'quotes sent', 'Quotes first sent by the report date.'),
  column('count', 'accepted', 'accepted', 'Of those, accepted by the customer.'),
  column('count', 'ordered', 'ordered', 'Of those, placed as an order by the report date.'),
  column('percent', 'conversionPercent', 'quote to order', nullable('Ordered ÷ quotes sent.')),
  column(
    'percent',
    'averageDiscountPercent',
    'average discount',
    nullable('Σ discount ÷ Σ gross of the sent quotes’ current versions: weighted by amount.'),
  ),
];

/** The columns of the quotes report. */
export const quotesShape: ReportShape = {
  name: 'quotes',
  description: 'Quote-to-order conversion and average discount by rep.',
  columns: [column('text', 'rep', 'rep', 'The rep who owns the quotes.'), ...FIGURES],
  totalColumns: FIGURES,
};

/** Quote-to-order conversion and gross-weighted average discount per rep (`Quote.read`). */
export const quotesReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const rows = await quoteConversionReport(readModels, access, { asOf: options.asOf });
  if (E.isLeft(rows)) return rows;
  const sum = (pick: (row: QuoteConversionRow) => number) =>
    rows.right.reduce((n, row) => n + pick(row), 0);
  const [sent, ordered] = [sum((row) => row.quotesSent), sum((row) => row.ordered)];
  const [discount, gross] = [
    sum((row) => row.averageDiscount.numerator),
    sum((row) => row.averageDiscount.denominator),
  ];
  return E.right({
    name: 'quotes',
    title: 'Quote-to-order conversion by rep',
    asOf: options.asOf,
    columns: quotesShape.columns,
    rows: rows.right.map((row) => ({
      rep: row.repId,
      quotesSent: row.quotesSent,
      accepted: row.accepted,
      ordered: row.ordered,
      conversionPercent: percent(row.conversion),
      averageDiscountPercent: percent(row.averageDiscount),
    })),
    totalColumns: quotesShape.totalColumns,
    totals: {
      quotesSent: sent,
      accepted: sum((row) => row.accepted),
      ordered,
      conversionPercent: percent(ratio(ordered, sent)),
      averageDiscountPercent: percent(ratio(discount, gross)),
    },
    chart: quotesChart(rows.right),
    note: 'Over quotes first sent by the report date; a subscription quote becomes a contract, not an order.',
  });
};
