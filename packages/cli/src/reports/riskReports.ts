import * as E from 'fp-ts/lib/Either.js';
import { InvoiceEvent, TicketEvent } from '@clientele/domain';
import type { ReadRefusal } from '@clientele/projections';
import type {
  CustomerRiskInput,
  InvoiceFacts,
  RiskReason,
  RiskScore,
} from '@clientele/projections';
import {
  churnRisk,
  creditRisk,
  customerList,
  customerNames,
  datedInvoiceEvents,
  datedTicketEvents,
  eventTypesOf,
  invoicesAsOf,
  purchasesAsOf,
  ticketsAsOf,
} from '@clientele/projections';
import type { ChartSpec } from '../html/charts.js';
import { CUSTOMER_COLUMNS } from './customerColumns.js';
import type { Report, ReportRow } from './report.js';
import { mostFrequent, readDatedEvents } from './logPages.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName } from './reportSection.js';

const TOTALS = [
  column('count', 'customers', 'customers', 'Customers scored.'),
  column('count', 'high', 'high', 'Customers in the high band.'),
  column('count', 'medium', 'medium', 'Customers in the medium band.'),
];

const CUSTOMER = [
  ...CUSTOMER_COLUMNS,
  column('code', 'band', 'band', 'low (under 25 points), medium (25–49) or high (50 and over).'),
  column(
    'count',
    'points',
    'points',
    'The sum of the points of the rules that fired, at most 100.',
  ),
];
const REASONS = column(
  'text',
  'reasons',
  'reasons',
  'Every rule that fired, with its points and the figure that made it fire, largest first.',
);

/** The columns of the churn report. */
export const churnShape: ReportShape = {
  name: 'churn',
  description:
    'Churn risk per customer on the report date, as points from stated rules, with every reason.',
  columns: [...CUSTOMER, REASONS],
  totalColumns: TOTALS,
};

/** The columns of the credit report. */
export const creditShape: ReportShape = {
  name: 'credit',
  description:
    'Credit risk per customer on the report date from payment behaviour, with a suggested credit-limit action that changes nothing by itself.',
  columns: [
    ...CUSTOMER,
    column(
      'code',
      'suggestion',
      'suggestion',
      'keep, review or reduce the credit limit: advice for the credit policy, never applied by itself.',
    ),
    column(
      'days',
      'averageDaysLate',
      'average days late',
      nullable('Mean days after due of the invoices paid in the last year; null when none.'),
    ),
    REASONS,
  ],
  totalColumns: TOTALS,
};

const reasonsText = (reasons: readonly RiskReason[]) =>
  reasons.map((r) => `${r.rule} +${String(r.points)} (${r.evidence})`).join('; ');

/** Each customer's inputs to the risk rules, as known on the day, for the customers the actor may read. */
const riskInputs = async (
  { readModels, events, access }: ReportContext,
  day: string,
): Promise<
  E.Either<ReadRefusal, { inputs: CustomerRiskInput[]; names: ReadonlyMap<string, string> }>
> => {
  const readable = await customerList(readModels, access);
  if (E.isLeft(readable)) return readable;
  const invoiceEvents = await readDatedEvents(
    events,
    eventTypesOf(InvoiceEvent),
    datedInvoiceEvents,
  );
  const invoices = [...invoicesAsOf(invoiceEvents, day).values()];
  const tickets = ticketsAsOf(
    await readDatedEvents(events, eventTypesOf(TicketEvent), datedTicketEvents),
    day,
  );
  const currencies = new Map<string, number>();
  for (const { event } of invoiceEvents)
    if (event.type === 'InvoiceIssued')
      currencies.set(
        event.data.total.currency,
        (currencies.get(event.data.total.currency) ?? 0) + 1,
      );
  const currency = mostFrequent(currencies) ?? 'EUR';
  const purchases = purchasesAsOf(invoiceEvents, day, currency);
  const byCustomer = new Map<string, InvoiceFacts[]>();
  for (const invoice of invoices)
    byCustomer.set(invoice.customerId, [...(byCustomer.get(invoice.customerId) ?? []), invoice]);
  const ids = readable.right
    .map((c) => c.customerId)
    .filter((id) => byCustomer.has(id) || tickets.has(id));
  const names = await customerNames(readModels, events, access, ids);
  return E.right({
    inputs: ids.map((customerId) => ({
      customerId,
      purchases: purchases.get(customerId),
      invoices: byCustomer.get(customerId) ?? [],
      tickets: tickets.get(customerId),
    })),
    names,
  });
};

const bandChart = (title: string, scores: readonly RiskScore[]): ChartSpec => ({
  kind: 'bars',
  title,
  bars: (['high', 'medium', 'low'] as const).map((band) => {
    const n = scores.filter((s) => s.band === band).length;
    return { label: band, key: band, value: n, display: String(n) };
  }),
});

const riskReport = (
  shape: ReportShape,
  title: string,
  options: ReportOptions,
  scored: readonly { score: RiskScore; label: string; row: ReportRow }[],
): Report => {
  const rows = [...scored]
    .sort((a, b) => b.score.points - a.score.points || byName(a.label, b.label))
    .map(({ row }) => row);
  const scores = scored.map(({ score }) => score);
  return {
    name: shape.name,
    title,
    asOf: options.asOf,
    columns: shape.columns,
    rows,
    totalColumns: shape.totalColumns,
    totals: {
      customers: scores.length,
      high: scores.filter((s) => s.band === 'high').length,
      medium: scores.filter((s) => s.band === 'medium').length,
    },
    chart: bandChart(`${title}: customers per band`, scores),
    note: 'Points from stated rules (docs/analytics.md), not a fitted model: the public data sets hold no churn or credit losses to fit or backtest them on.',
  };
};

const base = (score: RiskScore, names: ReadonlyMap<string, string>) => ({
  customerId: score.customerId,
  customerName: names.get(score.customerId) ?? null,
  band: score.band,
  points: score.points,
});

/** Churn risk of the customers the actor may read (`Customer.read`), as of the report date. */
export const churnReport = async (
  context: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const inputs = await riskInputs(context, options.asOf);
  if (E.isLeft(inputs)) return inputs;
  const { names } = inputs.right;
  const scored = inputs.right.inputs.map((input) => {
    const score = churnRisk(input, options.asOf);
    return {
      score,
      label: names.get(score.customerId) ?? score.customerId,
      row: { ...base(score, names), reasons: reasonsText(score.reasons) },
    };
  });
  return E.right(riskReport(churnShape, 'Churn risk', options, scored));
};

/** Credit risk and the suggested limit action of the customers the actor may read, as of the report date. */
export const creditReport = async (
  context: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const inputs = await riskInputs(context, options.asOf);
  if (E.isLeft(inputs)) return inputs;
  const { names } = inputs.right;
  const scored = inputs.right.inputs.map((input) => {
    const score = creditRisk(input, options.asOf);
    const averageDaysLate =
      score.averageDaysLate === null ? null : Math.round(score.averageDaysLate * 10) / 10;
    return {
      score,
      label: names.get(score.customerId) ?? score.customerId,
      row: {
        ...base(score, names),
        suggestion: score.suggestion,
        averageDaysLate,
        reasons: reasonsText(score.reasons),
      },
    };
  });
  return E.right(riskReport(creditShape, 'Credit risk', options, scored));
};
