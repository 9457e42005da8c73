import * as t from 'io-ts';
import { MoneyByCurrency } from '../../definitions/moneyByCurrency.js';

/** What an invoice of a deal bills of each product, from its sale lines. */
const InvoiceProducts = t.type({
  currency: t.string,
  totalMinor: t.number,
  products: t.array(t.type({ productId: t.string, productName: t.string, totalMinor: t.number })),
  collectedMinor: t.number,
});

/**
 * What a deal brought in: its rep, what its invoices collected (payments − refunds) and, per
 * invoice, what each product was billed and what the invoice collected, so collections can be
 * split by product.
 */
export const DealRevenueDocument = t.type(
  {
    opportunityId: t.string,
    repId: t.union([t.string, t.null]),
    collected: MoneyByCurrency,
    invoices: t.record(t.string, InvoiceProducts),
  },
  'DealRevenueDocument',
);
/** What a deal brought in. */
export type DealRevenueDocument = t.TypeOf<typeof DealRevenueDocument>;

/**
 * The commission one cause (a payment, a refund, a won deal) moved, and the deal or the invoice it
 * belongs to (a collected base names the invoice, a booked one the deal).
 */
export const CommissionCauseDocument = t.type(
  {
    opportunityId: t.union([t.string, t.null]),
    invoiceId: t.union([t.string, t.null]),
    commission: MoneyByCurrency,
  },
  'CommissionCauseDocument',
);
/** The commission one cause moved. */
export type CommissionCauseDocument = t.TypeOf<typeof CommissionCauseDocument>;
