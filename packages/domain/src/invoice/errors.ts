import type { InvoiceStatus } from './state.js';

/** An amount as errors report it. */
export interface Amount {
  readonly amountMinor: number;
  readonly currency: string;
}

/** Why an invoice command was refused. */
export type InvoiceError =
  | { readonly kind: 'InvoiceNotFound'; readonly invoiceId: string }
  | { readonly kind: 'InvoiceAlreadyIssued'; readonly invoiceId: string }
  /** Neither lines nor a total, or both: the amount would be ambiguous. */
  | { readonly kind: 'InvoiceAmountUnclear'; readonly invoiceId: string }
  /** Sale lines whose totals do not add up to the invoice total, or in another currency. */
  | { readonly kind: 'InvoiceSaleLinesMismatch'; readonly invoiceId: string }
  | { readonly kind: 'DueBeforeIssue'; readonly issuedOn: string; readonly dueOn: string }
  | { readonly kind: 'CurrencyMismatch'; readonly expected: string; readonly actual: string }
  | {
      readonly kind: 'CreditLimitExceeded';
      readonly customerId: string;
      readonly creditLimit: Amount;
      readonly outstandingAfter: Amount;
    }
  | {
      readonly kind: 'InvoiceNotInStatus';
      readonly invoiceId: string;
      readonly status: InvoiceStatus;
      readonly allowed: readonly InvoiceStatus[];
    }
  | {
      readonly kind: 'PaymentExceedsOutstanding';
      readonly amount: Amount;
      readonly outstanding: Amount;
    }
  | { readonly kind: 'PaymentNotFound'; readonly paymentId: string }
  | { readonly kind: 'RefundExceedsPayment'; readonly amount: Amount; readonly refundable: Amount }
  | { readonly kind: 'DisputeAlreadyOpen'; readonly disputeId: string }
  | { readonly kind: 'DisputeNotOpen'; readonly disputeId: string }
  | { readonly kind: 'InvoiceHasPayments'; readonly invoiceId: string }
  /** A correction of the billing contact of an invoice issued without one. */
  | { readonly kind: 'BillingContactNotFound'; readonly invoiceId: string };
