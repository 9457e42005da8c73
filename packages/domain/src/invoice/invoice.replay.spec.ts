import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceCommand } from './commands.js';
import type { InvoiceEvent as InvoiceEventType } from './events.js';
import type { InvoiceState } from './state.js';
import type { AcceptedDecision } from '../testing/replayProperty.js';
import type { Lifecycle } from '../testing/lifecycle.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { invoiceDecider } from './decide.js';
import { InvoiceEvent } from './events.js';
import { outstandingMinor } from './state.js';

const invoiceId = 'invoice-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const issueInvoice = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.boolean())
  .map(([total, billed]) => ({
    kind: 'IssueInvoice',
    invoiceId,
    customerId: 'c',
    currency: 'EUR',
    issuedOn: '2026-03-01',
    dueOn: '2026-03-31',
    total: eur(total),
    ...(billed ? { billingContact: { subjectId: 'per-1', name: 'Ada' } } : {}),
  })) as unknown as fc.Arbitrary<InvoiceCommand>;
const command: fc.Arbitrary<InvoiceCommand> = fc.oneof(
  { arbitrary: issueInvoice, weight: 1 },
  {
    arbitrary: fc.record(
      {
        kind: fc.constant('CorrectBillingContact'),
        invoiceId: fc.constant(invoiceId),
        name: fc.constantFrom('Ada', 'Ada King'),
        address: fc.constantFrom('1 Main St', '2 Side St'),
      },
      { requiredKeys: ['kind', 'invoiceId'] },
    ),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.nat(9), fc.integer({ min: 0, max: 100_000 }), day, fc.boolean())
      .map(([n, amount, receivedOn, hold]) => ({
        kind: 'RecordPayment',
        invoiceId,
        paymentId: `p${n}`,
        amount: eur(amount),
        receivedOn,
        ...(hold ? { overpayment: 'hold_as_credit' } : {}),
      })),
    weight: 20,
  },
  {
    arbitrary: fc
      .tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 0, max: 30_000 }), day)
      .map(([r, p, amount, refundedOn]) => ({
        kind: 'RefundPayment',
        invoiceId,
        refundId: `r${r}`,
        paymentId: `p${p}`,
        amount: eur(amount),
        refundedOn,
      })),
    weight: 12,
  },
  {
    arbitrary: fc.tuple(fc.nat(2), day).map(([n, openedOn]) => ({
      kind: 'DisputeInvoice',
      invoiceId,
      disputeId: `d${n}`,
      reason: 'why',
      openedOn,
    })),
    weight: 5,
  },
  {
    arbitrary: fc
      .tuple(fc.nat(2), day, fc.constantFrom('upheld', 'rejected'))
      .map(([n, resolvedOn, outcome]) => ({
        kind: 'ResolveInvoiceDispute',
        invoiceId,
        disputeId: `d${n}`,
        outcome,
        resolvedOn,
      })),
    weight: 5,
  },
  {
    arbitrary: day.map((writtenOffOn) => ({
      kind: 'WriteOffInvoice',
      invoiceId,
      reason: 'bad debt',
      writtenOffOn,
    })),
    weight: 1,
  },
  {
    arbitrary: day.map((cancelledOn) => ({
      kind: 'CancelInvoice',
      invoiceId,
      reason: 'duplicate',
      cancelledOn,
    })),
    weight: 1,
  },
) as unknown as fc.Arbitrary<InvoiceCommand>;

/** An invoice is owed until paid; a refund opens it again; written off and cancelled are final. */
const lifecycle: Lifecycle<InvoiceEventType, InvoiceState> = {
  statusOf: (state) => (state.issued ? state.status : 'none'),
  transitions: {
    none: ['open', 'paid'],
    open: ['paid', 'written_off', 'cancelled'],
    paid: ['open'],
  },
  final: {
    // A billing contact may be rectified and a dispute closed whatever became of the invoice.
    cancelled: ['InvoiceBillingContactCorrected', 'InvoiceDisputeResolved'],
    written_off: ['InvoiceBillingContactCorrected', 'InvoiceDisputeResolved'],
  },
};

const sumOf = (log: readonly InvoiceEventType[], type: InvoiceEventType['type']): number =>
  log.reduce(
    (sum, event) =>
      event.type === type && 'amount' in event.data ? sum + event.data.amount.amountMinor : sum,
    0,
  );

/** The invoice's amounts are the sums of its events, and what is owed stays within the total. */
const amountsAddUp = ({
  command,
  events,
  after,
  log,
}: AcceptedDecision<InvoiceCommand, InvoiceEventType, InvoiceState>): void => {
  if (!after.issued) throw new Error('an accepted command left no invoice');
  expect(after.paidMinor).toBe(sumOf(log, 'InvoicePaymentRecorded'));
  expect(after.refundedMinor).toBe(sumOf(log, 'InvoicePaymentRefunded'));
  expect(after.creditHeldMinor).toBe(sumOf(log, 'InvoiceCreditHeld'));
  expect(after.writtenOffMinor).toBe(sumOf(log, 'InvoiceWrittenOff'));
  const owed = outstandingMinor(after);
  expect(owed).toBeGreaterThanOrEqual(0);
  expect(owed).toBeLessThanOrEqual(after.totalMinor);
  if (after.status === 'open' || after.status === 'paid') {
    expect(after.status).toBe(owed === 0 ? 'paid' : 'open');
  }
  for (const payment of Object.values(after.payments)) {
    expect(payment.refundedMinor).toBeLessThanOrEqual(payment.amountMinor);
  }
  // Every minor unit of an accepted payment is either applied to the invoice or held as credit.
  if (command.kind === 'RecordPayment' && events.length > 0) {
    const applied = sumOf(events, 'InvoicePaymentRecorded') + sumOf(events, 'InvoiceCreditHeld');
    expect(applied).toBe(command.amount.amountMinor);
  }
};

describe('invoice replay', () => {
  it('replays the stored events of any command sequence to the state reached while deciding', () => {
    assertReplayDeterminism(
      invoiceDecider,
      InvoiceEvent,
      startingWith(issueInvoice, command, { minLength: 20 }),
      {
        lifecycle,
        invariant: amountsAddUp,
        // 85–96 % of runs accept five events or more; 0.8 failed by chance now and then.
        minExploringShare: 0.7,
        mustReach: {
          InvoicePaymentRecorded: 0.7,
          InvoicePaymentRefunded: 0.25,
          InvoiceCreditHeld: 0.2,
          InvoiceDisputed: 0.5,
          InvoiceWrittenOff: 0.15,
        },
      },
    );
  });
});
