import * as t from 'io-ts';
import { atLeastOneOf, commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { CurrencyCode, NonNegativeMoney } from '../shared/money.js';
import { DateOnly } from '../shared/dates.js';
import { BasisPoints } from '../shared/basisPoints.js';
import {
  BillingContact,
  CreditCheck,
  InvoiceLine,
  InvoiceSaleLine,
  OverpaymentHandling,
} from './values.js';

const command = commandCodecFor('invoiceId');

/**
 * Issue an invoice: either `lines` (priced, then `taxRateBps` applied to their sum) or a `total`
 * when only the total is known. With a total, `saleLines` may say which order or contract lines
 * it bills; their totals must add up to it. `creditCheck` carries the customer's limit and balance.
 */
export const IssueInvoice = command(
  'IssueInvoice',
  { customerId: t.string, currency: CurrencyCode, issuedOn: DateOnly, dueOn: DateOnly },
  {
    invoiceNumber: t.string,
    lines: t.readonlyArray(InvoiceLine),
    taxRateBps: BasisPoints,
    total: NonNegativeMoney,
    opportunityId: t.string,
    salesRepId: t.string,
    labels: t.readonlyArray(t.string),
    billingContact: BillingContact,
    creditCheck: CreditCheck,
    saleLines: t.readonlyArray(InvoiceSaleLine),
  },
);
/** Record a payment; `overpayment` says what to do with money beyond what is owed. */
export const RecordPayment = command(
  'RecordPayment',
  { paymentId: t.string, amount: NonNegativeMoney, receivedOn: DateOnly },
  { overpayment: OverpaymentHandling },
);
/** Pay back part or all of a payment. */
export const RefundPayment = command(
  'RefundPayment',
  { refundId: t.string, paymentId: t.string, amount: NonNegativeMoney, refundedOn: DateOnly },
  {},
);
/** Open a dispute. */
export const DisputeInvoice = command(
  'DisputeInvoice',
  { disputeId: t.string, reason: NonEmptyText, openedOn: DateOnly },
  {},
);
/** End the open dispute. */
export const ResolveInvoiceDispute = command(
  'ResolveInvoiceDispute',
  {
    disputeId: t.string,
    outcome: t.keyof({ upheld: null, rejected: null }),
    resolvedOn: DateOnly,
  },
  {},
);
/** Give up collecting what is still owed. */
export const WriteOffInvoice = command(
  'WriteOffInvoice',
  { reason: NonEmptyText, writtenOffOn: DateOnly },
  {},
);
/** Cancel an invoice nobody has paid anything on. */
export const CancelInvoice = command(
  'CancelInvoice',
  { reason: NonEmptyText, cancelledOn: DateOnly },
  {},
);

/**
 * Correct the billing contact's name, email or address (the right to rectification): only the
 * fields given change, at least one must be. Allowed whatever the invoice's status, paid, written
 * off and cancelled included: the invoice's amounts stay as issued, only the person's data is
 * corrected.
 */
export const CorrectBillingContact = atLeastOneOf(
  command('CorrectBillingContact', {}, { name: NonEmptyText, email: t.string, address: t.string }),
  ['name', 'email', 'address'],
);

/** Every command of the Invoice aggregate. */
export const InvoiceCommand = t.union(
  [
    IssueInvoice,
    RecordPayment,
    RefundPayment,
    DisputeInvoice,
    ResolveInvoiceDispute,
    WriteOffInvoice,
    CancelInvoice,
    CorrectBillingContact,
  ],
  'InvoiceCommand',
);
/** Every command of the Invoice aggregate. */
export type InvoiceCommand = t.TypeOf<typeof InvoiceCommand>;

/**
 * A Invoice command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type InvoiceCommandInput = t.OutputOf<typeof InvoiceCommand>;
