import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { InvoiceDocument } from './invoiceDocument.js';

/** Invoices are finance's records, owned by no rep: reading one takes `any` scope. */
const INVOICE_OWNER = null;

/** Aging buckets by days past due on the report date. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
/** An aging bucket. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Receivables of one customer, or of everyone (`customerId: null`), as of a day. */
export interface ReceivablesRow {
  readonly customerId: string | null;
  readonly invoiced: MoneyByCurrency;
  readonly paid: MoneyByCurrency;
  readonly refunded: MoneyByCurrency;
  readonly writtenOff: MoneyByCurrency;
  readonly outstanding: MoneyByCurrency;
  /** Outstanding on invoices past their due date. */
  readonly overdue: MoneyByCurrency;
  readonly aging: Readonly<Record<AgingBucket, MoneyByCurrency>>;
}

/** Options of {@link receivablesReport}. */
export interface ReceivablesOptions {
  /** The report date, `YYYY-MM-DD`: anything dated after it (payments included) has not happened yet. */
  readonly asOf: string;
}

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The aging bucket of an amount `daysPastDue` days past its due day. */
export const bucketOf = (daysPastDue: number): AgingBucket =>
  daysPastDue <= 0
    ? 'current'
    : daysPastDue <= 30
      ? '1-30'
      : daysPastDue <= 60
        ? '31-60'
        : daysPastDue <= 90
          ? '61-90'
          : '90+';

const sumUpTo = (entries: readonly { on: string; amountMinor: number }[], asOf: string): number =>
  entries.filter((e) => e.on <= asOf).reduce((sum, e) => sum + e.amountMinor, 0);

const emptyRow = (customerId: string | null): ReceivablesRow => ({
  customerId,
  invoiced: {},
  paid: {},
  refunded: {},
  writtenOff: {},
  outstanding: {},
  overdue: {},
  aging: { current: {}, '1-30': {}, '31-60': {}, '61-90': {}, '90+': {} },
});

/** An invoice's figures as of a day, or undefined when it was not issued yet or was cancelled by then. */
export const invoiceAsOf = (invoice: InvoiceDocument, asOf: string) => {
  if (invoice.issuedOn > asOf || (invoice.cancelledOn !== null && invoice.cancelledOn <= asOf))
    return undefined;
  const paid = sumUpTo(invoice.payments, asOf);
  const refunded = sumUpTo(invoice.refunds, asOf);
  const writtenOff = sumUpTo(invoice.writeOffs, asOf);
  const outstanding = invoice.totalMinor - paid + refunded - writtenOff;
  return {
    paid,
    refunded,
    writtenOff,
    outstanding,
    daysPastDue: dayNumber(asOf) - dayNumber(invoice.dueOn),
  };
};

const addInvoice = (
  row: ReceivablesRow,
  invoice: InvoiceDocument,
  asOf: string,
): ReceivablesRow => {
  const figures = invoiceAsOf(invoice, asOf);
  if (figures === undefined) return row;
  const money = (amountMinor: number) => ({ amountMinor, currency: invoice.currency });
  const bucket = bucketOf(figures.daysPastDue);
  const owed = figures.outstanding > 0 ? figures.outstanding : 0;
  return {
    ...row,
    invoiced: addAmount(row.invoiced, money(invoice.totalMinor)),
    paid: addAmount(row.paid, money(figures.paid)),
    refunded: addAmount(row.refunded, money(figures.refunded)),
    writtenOff: addAmount(row.writtenOff, money(figures.writtenOff)),
    outstanding: addAmount(row.outstanding, money(figures.outstanding)),
    overdue: figures.daysPastDue > 0 ? addAmount(row.overdue, money(owed)) : row.overdue,
    aging:
      owed === 0
        ? row.aging
        : { ...row.aging, [bucket]: addAmount(row.aging[bucket], money(owed)) },
  };
};

/**
 * Receivables as of a day, per customer and in total (the row with `customerId: null`, last):
 * invoiced, paid, refunded, written off, outstanding and overdue, and the outstanding amounts aged
 * by days past due. Payments made after the day count as not yet made. Every figure per currency.
 * Invoices belong to finance, not to a rep: it needs `Invoice.read` with `any` scope (finance,
 * auditors, administrators); a role without `Invoice.read` is refused.
 */
export const receivablesReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReceivablesOptions,
): Promise<E.Either<ReadRefusal, ReceivablesRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Invoice.read');
    if (E.isLeft(scope)) return scope;
    const rows = new Map<string, ReceivablesRow>();
    let total = emptyRow(null);
    for await (const { doc } of activeDocuments(readModels, 'invoices', InvoiceDocument)) {
      if (!inReadScope(scope.right, INVOICE_OWNER)) continue;
      rows.set(
        doc.customerId,
        addInvoice(rows.get(doc.customerId) ?? emptyRow(doc.customerId), doc, options.asOf),
      );
      total = addInvoice(total, doc, options.asOf);
    }
    const perCustomer = [...rows.values()].filter((row) => Object.keys(row.invoiced).length > 0);
    return E.right([
      ...perCustomer.sort((a, b) => ((a.customerId as string) < (b.customerId as string) ? -1 : 1)),
      total,
    ]);
  });

/**
 * Days sales outstanding as of a day, per currency: outstanding on that day ÷ invoiced in the
 * `days` days up to it × `days`. Null when nothing was invoiced in the window.
 */
export const daysSalesOutstanding = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReceivablesOptions & { readonly days?: number },
): Promise<E.Either<ReadRefusal, Record<string, Ratio>>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Invoice.read');
    if (E.isLeft(scope)) return scope;
    const days = options.days ?? 90;
    const windowStart = new Date((dayNumber(options.asOf) - days + 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const outstanding: Record<string, number> = {};
    const invoiced: Record<string, number> = {};
    for await (const { doc } of activeDocuments(readModels, 'invoices', InvoiceDocument)) {
      const figures = invoiceAsOf(doc, options.asOf);
      if (figures === undefined || !inReadScope(scope.right, INVOICE_OWNER)) continue;
      outstanding[doc.currency] = (outstanding[doc.currency] ?? 0) + figures.outstanding;
      if (doc.issuedOn >= windowStart)
        invoiced[doc.currency] = (invoiced[doc.currency] ?? 0) + doc.totalMinor;
    }
    return E.right(
      Object.fromEntries(
        Object.keys(outstanding).map((currency) => [
          currency,
          ratio((outstanding[currency] ?? 0) * days, invoiced[currency] ?? 0),
        ]),
      ),
    );
  });
