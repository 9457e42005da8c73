import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore, formatValidationErrors } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { personalFieldPaths } from '../shared/personalData.js';
import { testContext } from '../testing/commandContexts.js';
import type { InvoiceEvent } from './events.js';
import { InvoiceCommand } from './commands.js';
import { invoiceDecider } from './decide.js';
import { InvoiceEvent as InvoiceEventCodec } from './events.js';
import { createInvoiceService } from './invoiceService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const spec = deciderSpec(invoiceDecider);
const invoiceId = 'invoice-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const command = (input: Record<string, unknown>): InvoiceCommand => {
  const decoded = InvoiceCommand.decode({ invoiceId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const issue = {
  kind: 'IssueInvoice',
  customerId: 'customer-1',
  currency: 'EUR',
  issuedOn: '2026-03-02',
  dueOn: '2026-04-01',
  opportunityId: 'deal-1',
  salesRepId: 'rep-1',
};
const sale = { customerId: 'customer-1', opportunityId: 'deal-1', salesRepId: 'rep-1' };
const issued: InvoiceEvent = {
  type: 'InvoiceIssued',
  data: {
    invoiceId,
    issuedOn: '2026-03-02' as never,
    dueOn: '2026-04-01' as never,
    subtotal: eur(100_000),
    tax: eur(0),
    total: eur(100_000),
    labels: [],
    ...sale,
  },
};
const paid = (paymentId: string, amountMinor: number, receivedOn = '2026-03-10'): InvoiceEvent => ({
  type: 'InvoicePaymentRecorded',
  data: {
    invoiceId,
    paymentId,
    amount: eur(amountMinor),
    receivedOn: receivedOn as never,
    ...sale,
  },
});

describe('invoice', () => {
  it('prices lines exactly and rounds the tax once, half to even: 3 × 33.35 at 5% is 100.05 + 5.00', () => {
    // 10,005 × 500 / 10,000 = 500.25 minor units, rounded to 500.
    spec
      .given([])
      .when(
        command({
          ...issue,
          lines: [{ description: 'Seat licence', quantity: 3, unitPrice: eur(3_335) }],
          taxRateBps: 500,
        }),
      )
      .then([
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId,
            issuedOn: '2026-03-02' as never,
            dueOn: '2026-04-01' as never,
            lines: [{ description: 'Seat licence', quantity: 3 as never, unitPrice: eur(3_335) }],
            taxRateBps: 500 as never,
            subtotal: eur(10_005),
            tax: eur(500),
            total: eur(10_505),
            labels: [],
            ...sale,
          },
        },
      ]);
  });

  it('takes a bare total when lines are unknown, and refuses neither or both', () => {
    spec
      .given([])
      .when(command({ ...issue, total: eur(100_000) }))
      .then([issued]);
    spec.given([]).when(command(issue)).thenFails({ kind: 'InvoiceAmountUnclear', invoiceId });
  });

  it('refuses a due date before the issue date', () => {
    spec
      .given([])
      .when(command({ ...issue, total: eur(1), dueOn: '2026-03-01' }))
      .thenFails({ kind: 'DueBeforeIssue', issuedOn: '2026-03-02', dueOn: '2026-03-01' });
  });

  it('blocks an invoice that takes the customer past the credit limit under a blocking policy', () => {
    const creditCheck = { creditLimit: eur(150_000), outstanding: eur(60_000), policy: 'block' };
    spec
      .given([])
      .when(command({ ...issue, total: eur(100_000), creditCheck }))
      .thenFails({
        kind: 'CreditLimitExceeded',
        customerId: 'customer-1',
        creditLimit: eur(150_000),
        outstandingAfter: eur(160_000),
      });
  });

  it('issues with a recorded warning under a warn-only credit policy', () => {
    const creditCheck = { creditLimit: eur(150_000), outstanding: eur(60_000), policy: 'warn' };
    spec
      .given([])
      .when(command({ ...issue, total: eur(100_000), creditCheck }))
      .then([
        {
          type: 'InvoiceIssued',
          data: {
            ...issued.data,
            creditWarning: { creditLimit: eur(150_000), outstandingAfter: eur(160_000) },
          },
        },
      ]);
  });

  it('records several partial payments and settles when nothing is owed', () => {
    spec
      .given([issued, paid('p1', 40_000)])
      .when(
        command({
          kind: 'RecordPayment',
          paymentId: 'p2',
          amount: eur(60_000),
          receivedOn: '2026-03-12',
        }),
      )
      .then([paid('p2', 60_000, '2026-03-12')]);
  });

  it('rejects an over-payment by default and holds the excess as credit when asked', () => {
    const pay = {
      kind: 'RecordPayment',
      paymentId: 'p2',
      amount: eur(70_000),
      receivedOn: '2026-03-10',
    };
    spec
      .given([issued, paid('p1', 40_000)])
      .when(command(pay))
      .thenFails({
        kind: 'PaymentExceedsOutstanding',
        amount: eur(70_000),
        outstanding: eur(60_000),
      });
    spec
      .given([issued, paid('p1', 40_000)])
      .when(command({ ...pay, overpayment: 'hold_as_credit' }))
      .then([
        paid('p2', 60_000),
        {
          type: 'InvoiceCreditHeld',
          data: { invoiceId, paymentId: 'p2', customerId: 'customer-1', amount: eur(10_000) },
        },
      ]);
  });

  it('ignores a payment id it has already recorded, so a redelivered payment counts once', () => {
    spec
      .given([issued, paid('p1', 40_000)])
      .when(
        command({
          kind: 'RecordPayment',
          paymentId: 'p1',
          amount: eur(40_000),
          receivedOn: '2026-03-10',
        }),
      )
      .then([]);
  });

  it('refunds at most what is left of a payment and remembers the payment’s day', () => {
    const refund = {
      kind: 'RefundPayment',
      refundId: 'r1',
      paymentId: 'p1',
      refundedOn: '2026-04-02',
    };
    spec
      .given([issued, paid('p1', 40_000)])
      .when(command({ ...refund, amount: eur(15_000) }))
      .then([
        {
          type: 'InvoicePaymentRefunded',
          data: {
            invoiceId,
            refundId: 'r1',
            paymentId: 'p1',
            amount: eur(15_000),
            refundedOn: '2026-04-02' as never,
            paymentReceivedOn: '2026-03-10' as never,
            ...sale,
          },
        },
      ]);
    spec
      .given([issued, paid('p1', 40_000)])
      .when(command({ ...refund, amount: eur(40_001) }))
      .thenFails({ kind: 'RefundExceedsPayment', amount: eur(40_001), refundable: eur(40_000) });
  });

  it('keeps one dispute open at a time and resolves it', () => {
    const disputed: InvoiceEvent = {
      type: 'InvoiceDisputed',
      data: {
        invoiceId,
        disputeId: 'd1',
        reason: 'wrong quantity',
        openedOn: '2026-03-05' as never,
      },
    };
    spec
      .given([issued, disputed])
      .when(
        command({
          kind: 'DisputeInvoice',
          disputeId: 'd2',
          reason: 'again',
          openedOn: '2026-03-06',
        }),
      )
      .thenFails({ kind: 'DisputeAlreadyOpen', disputeId: 'd1' });
    spec
      .given([issued, disputed])
      .when(
        command({
          kind: 'ResolveInvoiceDispute',
          disputeId: 'd1',
          outcome: 'rejected',
          resolvedOn: '2026-03-09',
        }),
      )
      .then([
        {
          type: 'InvoiceDisputeResolved',
          data: {
            invoiceId,
            disputeId: 'd1',
            outcome: 'rejected',
            resolvedOn: '2026-03-09' as never,
          },
        },
      ]);
  });

  it('writes off exactly what is still owed', () => {
    spec
      .given([issued, paid('p1', 40_000)])
      .when(command({ kind: 'WriteOffInvoice', reason: 'insolvent', writtenOffOn: '2026-09-01' }))
      .then([
        {
          type: 'InvoiceWrittenOff',
          data: {
            invoiceId,
            amount: eur(60_000),
            reason: 'insolvent',
            writtenOffOn: '2026-09-01' as never,
          },
        },
      ]);
  });

  it('cancels only before any payment', () => {
    const cancel = command({
      kind: 'CancelInvoice',
      reason: 'duplicate',
      cancelledOn: '2026-03-03',
    });
    spec
      .given([issued])
      .when(cancel)
      .then([
        {
          type: 'InvoiceCancelled',
          data: { invoiceId, reason: 'duplicate', cancelledOn: '2026-03-03' as never, ...sale },
        },
      ]);
    spec
      .given([issued, paid('p1', 1)])
      .when(cancel)
      .thenFails({ kind: 'InvoiceHasPayments', invoiceId });
  });

  it('tags the billing contact as personal data of that person, kept by law with the invoice', () => {
    const held = { subjectIdPath: 'data.billingContact.subjectId', retainedAs: 'invoice' };
    expect(personalFieldPaths(InvoiceEventCodec)).toEqual([
      { path: 'data.billingContact.name', ...held },
      { path: 'data.billingContact.email', ...held },
      { path: 'data.billingContact.address', ...held },
    ]);
  });
});

describe('invoice entry point', () => {
  it('adds the customer’s credit exposure to an issue and blocks it under a blocking policy', async () => {
    const store = createInMemoryEventStore();
    const invoices = createInvoiceService(store, {
      authorize: permitEveryoneInTests(),
      creditPolicy: 'block',
      creditExposure: async () => ({ creditLimit: eur(50_000), outstanding: eur(0) }),
    });
    const result = await invoices.handle(
      { ...issue, invoiceId, total: eur(60_000) },
      testContext(),
    );
    expect(E.isLeft(result) && result.left.kind).toBe('CreditLimitExceeded');
    expect(await store.headPosition()).toBeUndefined();
  });

  it('names the wrong field of an invalid payment and appends nothing', async () => {
    const invoices = createInvoiceService(createInMemoryEventStore(), {
      authorize: permitEveryoneInTests(),
    });
    const result = await invoices.handle(
      {
        kind: 'RecordPayment',
        invoiceId,
        paymentId: 'p',
        amount: { amountMinor: 10.5, currency: 'EUR' },
        receivedOn: '2026-02-30',
      },
      testContext(),
    );
    expect(E.isLeft(result) && 'problems' in result.left && result.left.problems).toEqual([
      'amount.amountMinor: expected NonNegativeMinorUnits, got 10.5',
      'receivedOn: expected DateOnly, got "2026-02-30"',
    ]);
  });

  describe('rectification', () => {
    const billed: InvoiceEvent = {
      type: 'InvoiceIssued',
      data: {
        ...issued.data,
        billingContact: {
          subjectId: 'per-1',
          name: 'Ada Lovelace',
          email: 'ada@acme.example',
          address: '1 Main St',
        },
      },
    };
    const corrected: InvoiceEvent = {
      type: 'InvoiceBillingContactCorrected',
      data: { invoiceId, billingContact: { subjectId: 'per-1', address: '2 Side St' } },
    };
    const correct = command({
      kind: 'CorrectBillingContact',
      name: 'Ada Lovelace',
      address: '2 Side St',
    });

    it("records only the billing contact's corrected fields, under that person", () => {
      spec.given([billed]).when(correct).then([corrected]);
    });

    it('records nothing when the correction gives the values already held', () => {
      spec.given([billed, corrected]).when(correct).then([]);
    });

    it('corrects a paid, written-off or cancelled invoice, whose amounts stay as issued', () => {
      const writtenOff: InvoiceEvent = {
        type: 'InvoiceWrittenOff',
        data: {
          invoiceId,
          amount: eur(100_000),
          reason: 'insolvent',
          writtenOffOn: '2026-09-01' as never,
        },
      };
      const cancelled: InvoiceEvent = {
        type: 'InvoiceCancelled',
        data: { invoiceId, reason: 'duplicate', cancelledOn: '2026-03-03' as never, ...sale },
      };
      for (const closing of [paid('p1', 100_000), writtenOff, cancelled]) {
        spec.given([billed, closing]).when(correct).then([corrected]);
      }
    });

    it('refuses to correct the billing contact of an invoice issued without one', () => {
      spec.given([issued]).when(correct).thenFails({ kind: 'BillingContactNotFound', invoiceId });
    });

    it('refuses to correct an invoice that was never issued', () => {
      spec.given([]).when(correct).thenFails({ kind: 'InvoiceNotFound', invoiceId });
    });

    it('refuses a correction that names no field to correct', () => {
      const empty = InvoiceCommand.decode({ kind: 'CorrectBillingContact', invoiceId });
      expect(E.isLeft(empty) && formatValidationErrors(empty.left).join()).toMatch(
        /^\(root\): give at least one of name, email, address, got /,
      );
    });
  });
});
