import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { InvoiceCommand } from './commands.js';
import { assertReplayDeterminism } from '../testing/replayProperty.js';
import { invoiceDecider } from './decide.js';
import { InvoiceEvent } from './events.js';

const invoiceId = 'invoice-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const command: fc.Arbitrary<InvoiceCommand> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.boolean()).map(([total, billed]) => ({
    kind: 'IssueInvoice',
    invoiceId,
    customerId: 'c',
    currency: 'EUR',
    issuedOn: '2026-03-01',
    dueOn: '2026-03-31',
    total: eur(total),
    ...(billed ? { billingContact: { subjectId: 'per-1', name: 'Ada' } } : {}),
  })),
  fc.record(
    {
      kind: fc.constant('CorrectBillingContact'),
      invoiceId: fc.constant(invoiceId),
      name: fc.constantFrom('Ada', 'Ada King'),
      address: fc.constantFrom('1 Main St', '2 Side St'),
    },
    { requiredKeys: ['kind', 'invoiceId'] },
  ),
  fc
    .tuple(fc.nat(4), fc.integer({ min: 0, max: 600_000 }), day, fc.boolean())
    .map(([n, amount, receivedOn, hold]) => ({
      kind: 'RecordPayment',
      invoiceId,
      paymentId: `p${n}`,
      amount: eur(amount),
      receivedOn,
      ...(hold ? { overpayment: 'hold_as_credit' } : {}),
    })),
  fc
    .tuple(fc.nat(4), fc.nat(4), fc.integer({ min: 0, max: 300_000 }), day)
    .map(([r, p, amount, refundedOn]) => ({
      kind: 'RefundPayment',
      invoiceId,
      refundId: `r${r}`,
      paymentId: `p${p}`,
      amount: eur(amount),
      refundedOn,
    })),
  fc.tuple(fc.nat(2), day).map(([n, openedOn]) => ({
    kind: 'DisputeInvoice',
    invoiceId,
    disputeId: `d${n}`,
    reason: 'why',
    openedOn,
  })),
  fc
    .tuple(fc.nat(2), day, fc.constantFrom('upheld', 'rejected'))
    .map(([n, resolvedOn, outcome]) => ({
      kind: 'ResolveInvoiceDispute',
      invoiceId,
      disputeId: `d${n}`,
      outcome,
      resolvedOn,
    })),
  day.map((writtenOffOn) => ({
    kind: 'WriteOffInvoice',
    invoiceId,
    reason: 'bad debt',
    writtenOffOn,
  })),
  day.map((cancelledOn) => ({
    kind: 'CancelInvoice',
    invoiceId,
    reason: 'duplicate',
    cancelledOn,
  })),
) as unknown as fc.Arbitrary<InvoiceCommand>;

describe('invoice replay', () => {
  it('replays the stored events of any command sequence to the state reached while deciding', () => {
    assertReplayDeterminism(invoiceDecider, InvoiceEvent, fc.array(command, { maxLength: 40 }));
  });
});
