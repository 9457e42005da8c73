import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { BasisPoints } from '../shared/basisPoints.js';
import {
  BillingContact,
  BillingContactCorrection,
  InvoiceLine,
  InvoiceSaleLine,
} from './values.js';

/** Who is credited with the sale an invoice bills, copied onto payment events for commission. */
const SaleFacts = {
  customerId: t.string,
  opportunityId: t.union([t.string, t.null]),
  salesRepId: t.union([t.string, t.null]),
};

/**
 * An invoice was issued. Lines, tax and the opportunity are optional (imported ledgers often
 * have only a total); `total` is always there. `creditWarning` records a credit limit exceeded
 * under a warn-only policy.
 */
export const InvoiceIssued = eventCodec(
  'InvoiceIssued',
  t.intersection([
    t.type({
      invoiceId: t.string,
      issuedOn: DateOnly,
      dueOn: DateOnly,
      subtotal: NonNegativeMoney,
      tax: NonNegativeMoney,
      total: NonNegativeMoney,
      labels: t.readonlyArray(t.string),
      ...SaleFacts,
    }),
    t.partial({
      invoiceNumber: t.string,
      lines: t.readonlyArray(InvoiceLine),
      taxRateBps: BasisPoints,
      billingContact: BillingContact,
      creditWarning: t.type({ creditLimit: NonNegativeMoney, outstandingAfter: Money }),
      saleLines: t.readonlyArray(InvoiceSaleLine),
    }),
  ]),
);
/** Money was received against the invoice (never more than was owed). */
export const InvoicePaymentRecorded = eventCodec(
  'InvoicePaymentRecorded',
  t.type({
    invoiceId: t.string,
    paymentId: t.string,
    amount: NonNegativeMoney,
    receivedOn: DateOnly,
    ...SaleFacts,
  }),
);
/** The part of a payment above what was owed was kept as the customer's credit. */
export const InvoiceCreditHeld = eventCodec(
  'InvoiceCreditHeld',
  t.type({
    invoiceId: t.string,
    paymentId: t.string,
    customerId: t.string,
    amount: NonNegativeMoney,
  }),
);
/**
 * Part or all of a payment was paid back. `paymentReceivedOn` is the refunded payment's day, so
 * commission can claw back in the period the payment counted in.
 */
export const InvoicePaymentRefunded = eventCodec(
  'InvoicePaymentRefunded',
  t.type({
    invoiceId: t.string,
    refundId: t.string,
    paymentId: t.string,
    amount: NonNegativeMoney,
    refundedOn: DateOnly,
    paymentReceivedOn: DateOnly,
    ...SaleFacts,
  }),
);
/** The customer disputes the invoice. */
export const InvoiceDisputed = eventCodec(
  'InvoiceDisputed',
  t.type({ invoiceId: t.string, disputeId: t.string, reason: t.string, openedOn: DateOnly }),
);
/** A dispute ended, upheld (the customer was right) or rejected. */
export const InvoiceDisputeResolved = eventCodec(
  'InvoiceDisputeResolved',
  t.type({
    invoiceId: t.string,
    disputeId: t.string,
    outcome: t.keyof({ upheld: null, rejected: null }),
    resolvedOn: DateOnly,
  }),
);
/** What was still owed will not be collected. */
export const InvoiceWrittenOff = eventCodec(
  'InvoiceWrittenOff',
  t.type({
    invoiceId: t.string,
    amount: NonNegativeMoney,
    reason: t.string,
    writtenOffOn: DateOnly,
  }),
);
/** The invoice was cancelled before any payment. */
export const InvoiceCancelled = eventCodec(
  'InvoiceCancelled',
  t.type({ invoiceId: t.string, reason: t.string, cancelledOn: DateOnly, ...SaleFacts }),
);

/**
 * The billing contact was corrected (rectification): `billingContact` holds the contact's
 * `subjectId` and only the fields that changed, under the same paths, data subject and retention
 * as the issued contact, so the privacy layer keeps and erases them with it.
 */
export const InvoiceBillingContactCorrected = eventCodec(
  'InvoiceBillingContactCorrected',
  t.type({ invoiceId: t.string, billingContact: BillingContactCorrection }),
);

/** Every event of an Invoice stream. */
export const InvoiceEvent = t.union(
  [
    InvoiceIssued,
    InvoicePaymentRecorded,
    InvoiceCreditHeld,
    InvoicePaymentRefunded,
    InvoiceDisputed,
    InvoiceDisputeResolved,
    InvoiceWrittenOff,
    InvoiceCancelled,
    InvoiceBillingContactCorrected,
  ],
  'InvoiceEvent',
);
/** Every event of an Invoice stream. */
export type InvoiceEvent = t.TypeOf<typeof InvoiceEvent>;
