import type { DateOnly } from '../shared/dates.js';
import type { InvoiceEvent } from './events.js';
import type { BillingContact } from './values.js';

/** Where an invoice is: owed (open), settled, written off or cancelled. */
export type InvoiceStatus = 'open' | 'paid' | 'written_off' | 'cancelled';

/** A payment as the invoice remembers it, to check refunds against it. */
export interface PaymentOnInvoice {
  readonly amountMinor: number;
  readonly refundedMinor: number;
  readonly receivedOn: DateOnly;
}

/** An issued invoice, as its events left it. Amounts are minor units of `currency`. */
export interface IssuedInvoice {
  readonly issued: true;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly opportunityId: string | null;
  readonly salesRepId: string | null;
  readonly currency: string;
  readonly dueOn: DateOnly;
  readonly status: InvoiceStatus;
  readonly totalMinor: number;
  readonly paidMinor: number;
  readonly refundedMinor: number;
  readonly writtenOffMinor: number;
  readonly creditHeldMinor: number;
  readonly payments: Readonly<Record<string, PaymentOnInvoice>>;
  readonly refundIds: readonly string[];
  readonly openDisputeId: string | null;
  readonly disputeIds: readonly string[];
  /** Who receives the invoice, as issued and since corrected; undefined when issued without. */
  readonly billingContact: BillingContact | undefined;
}

/** An invoice stream's state: nothing yet, or an issued invoice. */
export type InvoiceState = { readonly issued: false } | IssuedInvoice;

/** The state of a stream with no events. */
export const initialInvoiceState: InvoiceState = { issued: false };

/** What the customer still owes on the invoice, in minor units. */
export const outstandingMinor = (invoice: IssuedInvoice): number =>
  invoice.totalMinor - invoice.paidMinor + invoice.refundedMinor - invoice.writtenOffMinor;

/** The status once the amounts changed: paid when nothing is owed, open again after a refund. */
const settle = (invoice: IssuedInvoice): IssuedInvoice =>
  invoice.status === 'open' || invoice.status === 'paid'
    ? { ...invoice, status: outstandingMinor(invoice) === 0 ? 'paid' : 'open' }
    : invoice;

/** Folds one event into the invoice. */
export const evolveInvoice = (state: InvoiceState, event: InvoiceEvent): InvoiceState => {
  if (event.type === 'InvoiceIssued') {
    const { data } = event;
    return settle({
      issued: true,
      invoiceId: data.invoiceId,
      customerId: data.customerId,
      opportunityId: data.opportunityId,
      salesRepId: data.salesRepId,
      currency: data.total.currency,
      dueOn: data.dueOn,
      status: 'open',
      totalMinor: data.total.amountMinor,
      paidMinor: 0,
      refundedMinor: 0,
      writtenOffMinor: 0,
      creditHeldMinor: 0,
      payments: {},
      refundIds: [],
      openDisputeId: null,
      disputeIds: [],
      billingContact: data.billingContact,
    });
  }
  if (!state.issued) return state;
  switch (event.type) {
    case 'InvoicePaymentRecorded':
      return settle({
        ...state,
        paidMinor: state.paidMinor + event.data.amount.amountMinor,
        payments: {
          ...state.payments,
          [event.data.paymentId]: {
            amountMinor: event.data.amount.amountMinor,
            refundedMinor: 0,
            receivedOn: event.data.receivedOn,
          },
        },
      });
    case 'InvoiceCreditHeld':
      return { ...state, creditHeldMinor: state.creditHeldMinor + event.data.amount.amountMinor };
    case 'InvoicePaymentRefunded': {
      const payment = state.payments[event.data.paymentId];
      const amount = event.data.amount.amountMinor;
      return settle({
        ...state,
        refundedMinor: state.refundedMinor + amount,
        refundIds: [...state.refundIds, event.data.refundId],
        payments:
          payment === undefined
            ? state.payments
            : {
                ...state.payments,
                [event.data.paymentId]: {
                  ...payment,
                  refundedMinor: payment.refundedMinor + amount,
                },
              },
      });
    }
    case 'InvoiceDisputed':
      return {
        ...state,
        openDisputeId: event.data.disputeId,
        disputeIds: [...state.disputeIds, event.data.disputeId],
      };
    case 'InvoiceDisputeResolved':
      return { ...state, openDisputeId: null };
    case 'InvoiceWrittenOff':
      return {
        ...state,
        status: 'written_off',
        writtenOffMinor: state.writtenOffMinor + event.data.amount.amountMinor,
      };
    case 'InvoiceCancelled':
      return { ...state, status: 'cancelled' };
    case 'InvoiceBillingContactCorrected': {
      const { billingContact } = state;
      const { subjectId: _, ...corrected } = event.data.billingContact;
      return billingContact === undefined
        ? state
        : { ...state, billingContact: { ...billingContact, ...corrected } };
    }
  }
};
