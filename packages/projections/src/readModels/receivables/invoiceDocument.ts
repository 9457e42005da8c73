import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);
/** An amount in minor units on a day. */
const Dated = t.type({ on: t.string, amountMinor: t.number });

/**
 * One invoice as receivables need it: what was billed, and every payment, refund and write-off
 * with its day, so the balance can be taken as of any date at query time.
 */
export const InvoiceDocument = t.type(
  {
    invoiceId: t.string,
    customerId: t.string,
    salesRepId: nullable(t.string),
    issuedOn: t.string,
    dueOn: t.string,
    currency: t.string,
    totalMinor: t.number,
    payments: t.array(Dated),
    refunds: t.array(Dated),
    writeOffs: t.array(Dated),
    cancelledOn: nullable(t.string),
    disputed: t.boolean,
  },
  'InvoiceDocument',
);
/** One invoice as receivables need it. */
export type InvoiceDocument = t.TypeOf<typeof InvoiceDocument>;

/** The key of an invoice document. */
export const invoiceKey = (invoiceId: string): string => `invoice:${invoiceId}`;
