import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { InvoiceCommand } from './commands.js';
import type { InvoiceError } from './errors.js';
import type { InvoiceEvent } from './events.js';
import type { IssuedInvoice, InvoiceState, InvoiceStatus } from './state.js';
import { nonNegativeMoney as money } from '../shared/money.js';
import { changedFields } from '../shared/rectification.js';
import { decideIssue } from './issue.js';
import { evolveInvoice, initialInvoiceState, outstandingMinor } from './state.js';

type Decision = E.Either<InvoiceError, readonly InvoiceEvent[]>;

const emit = (...events: InvoiceEvent[]): Decision => E.right(events);

const requireStatus = (
  invoice: IssuedInvoice,
  allowed: readonly InvoiceStatus[],
  decide: () => Decision,
): Decision =>
  allowed.includes(invoice.status)
    ? decide()
    : E.left({
        kind: 'InvoiceNotInStatus',
        invoiceId: invoice.invoiceId,
        status: invoice.status,
        allowed,
      });

const saleFacts = (invoice: IssuedInvoice) => ({
  customerId: invoice.customerId,
  opportunityId: invoice.opportunityId,
  salesRepId: invoice.salesRepId,
});

const recordPayment = (
  command: Extract<InvoiceCommand, { kind: 'RecordPayment' }>,
  invoice: IssuedInvoice,
): Decision => {
  const { paymentId, amount, receivedOn } = command;
  if (invoice.payments[paymentId] !== undefined || amount.amountMinor === 0) return emit();
  if (amount.currency !== invoice.currency) {
    return E.left({
      kind: 'CurrencyMismatch',
      expected: invoice.currency,
      actual: amount.currency,
    });
  }
  const owed = outstandingMinor(invoice);
  const applied = Math.min(owed, amount.amountMinor);
  const excess = amount.amountMinor - applied;
  if (excess > 0 && command.overpayment !== 'hold_as_credit') {
    return E.left({
      kind: 'PaymentExceedsOutstanding',
      amount,
      outstanding: money(owed, invoice.currency),
    });
  }
  const { invoiceId } = invoice;
  return emit(
    {
      type: 'InvoicePaymentRecorded',
      data: {
        invoiceId,
        paymentId,
        amount: money(applied, invoice.currency),
        receivedOn,
        ...saleFacts(invoice),
      },
    },
    ...(excess === 0
      ? []
      : [
          {
            type: 'InvoiceCreditHeld' as const,
            data: {
              invoiceId,
              paymentId,
              customerId: invoice.customerId,
              amount: money(excess, invoice.currency),
            },
          },
        ]),
  );
};

const refundPayment = (
  command: Extract<InvoiceCommand, { kind: 'RefundPayment' }>,
  invoice: IssuedInvoice,
): Decision => {
  if (invoice.refundIds.includes(command.refundId)) return emit();
  const payment = invoice.payments[command.paymentId];
  if (payment === undefined)
    return E.left({ kind: 'PaymentNotFound', paymentId: command.paymentId });
  if (command.amount.currency !== invoice.currency) {
    return E.left({
      kind: 'CurrencyMismatch',
      expected: invoice.currency,
      actual: command.amount.currency,
    });
  }
  const refundable = payment.amountMinor - payment.refundedMinor;
  if (command.amount.amountMinor > refundable) {
    return E.left({
      kind: 'RefundExceedsPayment',
      amount: command.amount,
      refundable: money(refundable, invoice.currency),
    });
  }
  return emit({
    type: 'InvoicePaymentRefunded',
    data: {
      invoiceId: invoice.invoiceId,
      refundId: command.refundId,
      paymentId: command.paymentId,
      amount: command.amount,
      refundedOn: command.refundedOn,
      paymentReceivedOn: payment.receivedOn,
      ...saleFacts(invoice),
    },
  });
};

/** A rectification of the billing contact: in every status, since it changes no amount. */
const correctBillingContact = (
  command: Extract<InvoiceCommand, { kind: 'CorrectBillingContact' }>,
  invoice: IssuedInvoice,
): Decision => {
  const contact = invoice.billingContact;
  if (contact === undefined) {
    return E.left({ kind: 'BillingContactNotFound', invoiceId: invoice.invoiceId });
  }
  const { name, email, address } = command;
  const changed = changedFields(contact, { name, email, address });
  return Object.keys(changed).length === 0
    ? emit()
    : emit({
        type: 'InvoiceBillingContactCorrected',
        data: {
          invoiceId: invoice.invoiceId,
          billingContact: { subjectId: contact.subjectId, ...changed },
        },
      });
};

/** Commands to an issued invoice. Repeating a payment, refund or dispute id emits nothing. */
const decideIssued = (
  command: Exclude<InvoiceCommand, { kind: 'IssueInvoice' }>,
  invoice: IssuedInvoice,
): Decision => {
  const { invoiceId } = invoice;
  switch (command.kind) {
    case 'CorrectBillingContact':
      return correctBillingContact(command, invoice);
    case 'RecordPayment':
      return requireStatus(invoice, ['open', 'paid'], () => recordPayment(command, invoice));
    case 'RefundPayment':
      return requireStatus(invoice, ['open', 'paid'], () => refundPayment(command, invoice));
    case 'DisputeInvoice':
      if (invoice.disputeIds.includes(command.disputeId)) return emit();
      if (invoice.openDisputeId !== null) {
        return E.left({ kind: 'DisputeAlreadyOpen', disputeId: invoice.openDisputeId });
      }
      return requireStatus(invoice, ['open', 'paid'], () =>
        emit({
          type: 'InvoiceDisputed',
          data: {
            invoiceId,
            disputeId: command.disputeId,
            reason: command.reason,
            openedOn: command.openedOn,
          },
        }),
      );
    case 'ResolveInvoiceDispute':
      if (invoice.openDisputeId !== command.disputeId) {
        return invoice.disputeIds.includes(command.disputeId)
          ? emit()
          : E.left({ kind: 'DisputeNotOpen', disputeId: command.disputeId });
      }
      return emit({
        type: 'InvoiceDisputeResolved',
        data: {
          invoiceId,
          disputeId: command.disputeId,
          outcome: command.outcome,
          resolvedOn: command.resolvedOn,
        },
      });
    case 'WriteOffInvoice':
      return requireStatus(invoice, ['open'], () =>
        emit({
          type: 'InvoiceWrittenOff',
          data: {
            invoiceId,
            amount: money(outstandingMinor(invoice), invoice.currency),
            reason: command.reason,
            writtenOffOn: command.writtenOffOn,
          },
        }),
      );
    case 'CancelInvoice':
      if (invoice.status === 'cancelled') return emit();
      if (Object.keys(invoice.payments).length > 0) {
        return E.left({ kind: 'InvoiceHasPayments', invoiceId });
      }
      return requireStatus(invoice, ['open'], () =>
        emit({
          type: 'InvoiceCancelled',
          data: {
            invoiceId,
            reason: command.reason,
            cancelledOn: command.cancelledOn,
            ...saleFacts(invoice),
          },
        }),
      );
  }
};

/** Decides an invoice command against the invoice's state. */
export const decideInvoice = (command: InvoiceCommand, state: InvoiceState): Decision => {
  if (command.kind === 'IssueInvoice') {
    return state.issued
      ? E.left({ kind: 'InvoiceAlreadyIssued', invoiceId: command.invoiceId })
      : decideIssue(command);
  }
  return state.issued
    ? decideIssued(command, state)
    : E.left({ kind: 'InvoiceNotFound', invoiceId: command.invoiceId });
};

/** The Invoice aggregate as a decider. */
export const invoiceDecider: Decider<InvoiceCommand, InvoiceEvent, InvoiceState, InvoiceError> = {
  initialState: initialInvoiceState,
  decide: decideInvoice,
  evolve: evolveInvoice,
};
