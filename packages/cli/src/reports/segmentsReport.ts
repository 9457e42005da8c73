import * as E from 'fp-ts/lib/Either.js';
import { InvoiceEvent } from '@clientele/domain';
import type { EventStore } from '@clientele/eventstore';
import type { ReadRefusal } from '@clientele/projections';
import type { CustomerSegment, SegmentMove } from '@clientele/projections';
import {
  customerList,
  customerNames,
  datedInvoiceEvents,
  eventTypesOf,
  lifetimeValues,
  purchasesAsOf,
  rfmSegments,
  segmentMovement,
  shiftDay,
} from '@clientele/projections';
import type { ChartSpec } from '../html/charts.js';
import { codeLabel } from './cellDisplay.js';
import { CUSTOMER_COLUMNS } from './customerColumns.js';
import { mostFrequent, readDatedEvents } from './logPages.js';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName } from './reportSection.js';

/** Days between the two segmentations whose movement the report shows. */
export const SEGMENT_MOVEMENT_DAYS = 90;

const TOTALS = [
  column('count', 'customers', 'customers', 'Customers with at least one invoice.'),
  column('money', 'collected', 'collected', 'Payments collected less refunds.'),
  column(
    'money',
    'nextYear',
    'next 365 days (est.)',
    nullable('Sum of the customers’ predictive estimates; null when no customer has one.'),
  ),
];

/** The columns of the segments report. */
export const segmentsShape: ReportShape = {
  name: 'segments',
  description:
    'RFM segments of the customers the reader may see on the report date, their segment 90 days earlier, and lifetime value.',
  columns: [
    ...CUSTOMER_COLUMNS,
    column(
      'code',
      'segment',
      'segment',
      'The named segment on the report date (rules in docs/reports.md).',
    ),
    column(
      'code',
      'segmentBefore',
      'segment 90 days before',
      nullable(
        'The segment 90 days before the report date; null for a customer not invoiced then.',
      ),
    ),
    column('count', 'recencyScore', 'R', 'Recency quintile, 5 = paid most recently.'),
    column('count', 'frequencyScore', 'F', 'Frequency quintile, 5 = most invoices.'),
    column('count', 'monetaryScore', 'M', 'Monetary quintile, 5 = most collected.'),
    column(
      'days',
      'recencyDays',
      'days since paid',
      nullable('Days since the last collected payment; null when never paid.'),
    ),
    column('count', 'invoices', 'invoices', 'Invoices issued and not cancelled.'),
    column(
      'money',
      'collected',
      'collected',
      'Historical lifetime value: payments collected less refunds.',
    ),
    column(
      'money',
      'nextYear',
      'next 365 days (est.)',
      nullable(
        'Last 365 days’ payments × the retention rate (docs/analytics.md); null when the log is too short to measure retention.',
      ),
    ),
  ],
  totalColumns: TOTALS,
};

/** The invoice events of the log, dated, and the currency most invoices were issued in. */
const invoicesAndCurrency = async (events: EventStore) => {
  const counts = new Map<string, number>();
  const invoices = await readDatedEvents(events, eventTypesOf(InvoiceEvent), (page) => {
    for (const event of page) {
      const total = (event.data as { total?: { currency?: unknown } }).total;
      if (event.type === 'InvoiceIssued' && typeof total?.currency === 'string')
        counts.set(total.currency, (counts.get(total.currency) ?? 0) + 1);
    }
    return datedInvoiceEvents(page);
  });
  return { invoices, currency: mostFrequent(counts) ?? 'EUR' };
};

const movementChart = (moves: readonly SegmentMove[]): ChartSpec => ({
  kind: 'bars',
  title: `Segment movement over the last ${String(SEGMENT_MOVEMENT_DAYS)} days (customers)`,
  bars: moves
    .filter((move) => move.from !== move.to)
    .map((move) => ({
      label: `${move.from === null ? 'new' : codeLabel(move.from)} → ${codeLabel(move.to)}`,
      key: `${move.from ?? ''}>${move.to}`,
      value: move.customers,
      display: String(move.customers),
    })),
});

/**
 * RFM segments, their movement over 90 days and lifetime value of the customers the actor may
 * read (`Customer.read`), from the invoice events that happened by the report date.
 */
export const segmentsReport = async (
  { readModels, events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const readable = await customerList(readModels, access);
  if (E.isLeft(readable)) return readable;
  const visible = new Set(readable.right.map((c) => c.customerId));
  const { invoices, currency } = await invoicesAndCurrency(events);
  const now = purchasesAsOf(invoices, options.asOf, currency);
  const earlierDay = shiftDay(options.asOf, -SEGMENT_MOVEMENT_DAYS);
  // Quintiles rank every customer, so a rep's own customers keep the scores they have among all.
  const segments = rfmSegments(now, options.asOf);
  const before = rfmSegments(purchasesAsOf(invoices, earlierDay, currency), earlierDay);
  const clv = lifetimeValues(now, options.asOf);
  const mine = (list: readonly CustomerSegment[]) => list.filter((c) => visible.has(c.customerId));
  const beforeOf = new Map(before.map((c) => [c.customerId, c.segment]));
  const valueOf = new Map(clv.values.map((v) => [v.customerId, v]));
  const names = await customerNames(
    readModels,
    events,
    access,
    mine(segments).map((c) => c.customerId),
  );
  const money = (minor: number) => ({ [currency]: minor });
  const nextYearOf = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? null : money(minor);
  const rows = mine(segments).map((c) => ({
    customerId: c.customerId,
    customerName: names.get(c.customerId) ?? null,
    segment: c.segment,
    segmentBefore: beforeOf.get(c.customerId) ?? null,
    recencyScore: c.score.recency,
    frequencyScore: c.score.frequency,
    monetaryScore: c.score.monetary,
    recencyDays: c.recencyDays,
    invoices: c.invoices,
    collected: money(c.collectedMinor),
    nextYear: nextYearOf(valueOf.get(c.customerId)?.nextYearMinor),
  }));
  rows.sort(
    (a, b) =>
      a.segment.localeCompare(b.segment) ||
      byName(a.customerName ?? a.customerId, b.customerName ?? b.customerId),
  );
  return E.right({
    name: 'segments',
    title: `Customer segments (RFM) and lifetime value (${currency})`,
    asOf: options.asOf,
    columns: segmentsShape.columns,
    rows,
    totalColumns: segmentsShape.totalColumns,
    totals: {
      customers: rows.length,
      collected: money(rows.reduce((n, r) => n + (r.collected[currency] ?? 0), 0)),
      nextYear:
        clv.retention === null
          ? null
          : money(rows.reduce((n, r) => n + (r.nextYear?.[currency] ?? 0), 0)),
    },
    chart: movementChart(segmentMovement(mine(before), mine(segments))),
    note: `Quintiles among all invoiced customers; segments by the rules of docs/reports.md. Retention (share of the year-before payers who paid again in the last 365 days): ${clv.retention === null ? 'unknown (under two years of payments), so no estimate' : `${(clv.retention * 100).toFixed(1)}%`}.`,
  });
};
