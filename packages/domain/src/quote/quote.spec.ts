import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import { quoteDecider } from './decide.js';
import {
  approvalRequested,
  draftQuote,
  eur,
  pricedSeatLine,
  quoteDrafted,
  quoteSent,
  seatLine,
} from '../testing/quoteFixtures.js';

const spec = deciderSpec(quoteDecider);
const quoteId = 'q-1';

describe('quote', () => {
  it('prices a draft exactly: net = gross − discount, tax on the net, totals the sums of the lines', () => {
    spec
      .given([])
      .when(draftQuote([seatLine(500)]))
      .then([quoteDrafted(500)]);
  });

  it('asks for approval when a line discount is above the rep limit', () => {
    spec
      .given([])
      .when(draftQuote([seatLine(1_500)]))
      .then([quoteDrafted(1_500), approvalRequested]);
  });

  it('refuses a line priced in another currency than the quote', () => {
    const usd = { ...seatLine(), unitPrice: { amountMinor: 1, currency: 'USD' } } as never;
    spec
      .given([])
      .when(draftQuote([usd]))
      .thenFails({
        kind: 'QuoteLineCurrencyMismatch',
        currency: 'USD',
        lineId: 'l1',
      });
  });

  it('refuses a quote valid until a day before its own date', () => {
    spec
      .given([])
      .when({ ...draftQuote(), validUntil: '2026-03-01' } as never)
      .thenFails({ kind: 'QuoteValidityBeforeQuoteDate', validUntil: '2026-03-01' });
  });

  it('cannot send a quote whose discount approval is pending', () => {
    spec
      .given([quoteDrafted(1_500), approvalRequested])
      .when({ kind: 'SendQuote', quoteId, sentOn: '2026-03-03' as never })
      .thenFails({ kind: 'QuoteDiscountApprovalPending', quoteId });
  });

  it('cannot send a quote whose discount was refused', () => {
    spec
      .given([
        quoteDrafted(1_500),
        approvalRequested,
        {
          type: 'QuoteDiscountRejected',
          data: { quoteId, version: 1 as never, rejectedBy: 'mgr-1' },
        },
      ])
      .when({ kind: 'SendQuote', quoteId, sentOn: '2026-03-03' as never })
      .thenFails({ kind: 'QuoteDiscountRefused', quoteId });
  });

  it('records who approved a discount, and then lets the quote be sent', () => {
    const approved = {
      type: 'QuoteDiscountApproved' as const,
      data: { quoteId, version: 1 as never, approvedBy: 'mgr-1' },
    };
    spec
      .given([quoteDrafted(1_500), approvalRequested])
      .when({
        kind: 'ApproveQuoteDiscount',
        quoteId,
        approverId: 'mgr-1',
        approverLimitBps: 2_500 as never,
      })
      .then([approved]);
    spec
      .given([quoteDrafted(1_500), approvalRequested, approved])
      .when({ kind: 'SendQuote', quoteId, sentOn: '2026-03-03' as never })
      .then([quoteSent]);
  });

  it('refuses an approval by someone whose own limit does not cover the discount', () => {
    spec
      .given([quoteDrafted(1_500), approvalRequested])
      .when({
        kind: 'ApproveQuoteDiscount',
        quoteId,
        approverId: 'mgr-2',
        approverLimitBps: 1_200 as never,
      })
      .thenFails({
        kind: 'ApproverLimitTooLow',
        approverId: 'mgr-2',
        limitBps: 1_200,
        discountBps: 1_500,
      });
  });

  it('refuses an approval by the rep who asked for the discount', () => {
    spec
      .given([quoteDrafted(1_500), approvalRequested])
      .when({
        kind: 'ApproveQuoteDiscount',
        quoteId,
        approverId: 'rep-1',
        approverLimitBps: 9_000 as never,
      })
      .thenFails({ kind: 'SelfApprovalNotAllowed', approverId: 'rep-1' });
  });

  it('refuses to approve when no approval is pending', () => {
    spec
      .given([quoteDrafted(500)])
      .when({ kind: 'RejectQuoteDiscount', quoteId, approverId: 'mgr-1' })
      .thenFails({ kind: 'NoDiscountApprovalPending', quoteId });
  });

  it('revises a sent quote into a new version that keeps the old one and must be sent again', () => {
    const revised = {
      type: 'QuoteRevised' as const,
      data: {
        quoteId,
        version: 2 as never,
        revisedOn: '2026-03-05' as never,
        validUntil: '2026-04-15' as never,
        lines: [pricedSeatLine(0, 'l2')],
        totals: { net: eur(120_000), tax: eur(24_000), total: eur(144_000) },
      },
    };
    spec
      .given([quoteDrafted(), quoteSent])
      .when({
        kind: 'ReviseQuote',
        quoteId,
        revisedOn: '2026-03-05' as never,
        validUntil: '2026-04-15' as never,
        lines: [seatLine(0, 'l2')],
        discountLimitBps: 1_000 as never,
      })
      .then([revised]);
    spec
      .given([quoteDrafted(), quoteSent, revised])
      .when({ kind: 'AcceptQuote', quoteId, acceptedOn: '2026-03-06' as never })
      .thenFails({ kind: 'QuoteNotSent', quoteId, status: 'draft' });
  });

  it('accepts a sent quote and repeats the accepted lines and totals in the event', () => {
    const drafted = quoteDrafted();
    if (drafted.type !== 'QuoteDrafted') throw new Error('fixture');
    const { lines, totals, customerId, ownerId, currency } = drafted.data;
    spec
      .given([drafted, quoteSent])
      .when({ kind: 'AcceptQuote', quoteId, acceptedOn: '2026-03-10' as never })
      .then([
        {
          type: 'QuoteAccepted',
          data: {
            quoteId,
            version: 1 as never,
            acceptedOn: '2026-03-10' as never,
            customerId,
            ownerId,
            currency,
            lines,
            totals,
          },
        },
      ]);
  });

  it('refuses to accept a quote after its validity', () => {
    spec
      .given([quoteDrafted(), quoteSent])
      .when({ kind: 'AcceptQuote', quoteId, acceptedOn: '2026-04-01' as never })
      .thenFails({ kind: 'QuoteValidityPassed', quoteId, validUntil: '2026-03-31' });
  });

  it('records a customer rejection of a sent quote', () => {
    spec
      .given([quoteDrafted(), quoteSent])
      .when({ kind: 'RejectQuote', quoteId, rejectedOn: '2026-03-09' as never, reason: 'budget' })
      .then([
        {
          type: 'QuoteRejected',
          data: {
            quoteId,
            version: 1 as never,
            rejectedOn: '2026-03-09' as never,
            reason: 'budget',
          },
        },
      ]);
  });

  it('expires a quote only once its validity has passed', () => {
    spec
      .given([quoteDrafted(), quoteSent])
      .when({ kind: 'ExpireQuote', quoteId, today: '2026-03-31' as never })
      .thenFails({ kind: 'QuoteNotYetExpired', quoteId, validUntil: '2026-03-31' });
    spec
      .given([quoteDrafted(), quoteSent])
      .when({ kind: 'ExpireQuote', quoteId, today: '2026-04-01' as never })
      .then([
        {
          type: 'QuoteExpired',
          data: { quoteId, version: 1 as never, expiredOn: '2026-04-01' as never },
        },
      ]);
  });

  it('refuses to revise an accepted quote', () => {
    const drafted = quoteDrafted();
    if (drafted.type !== 'QuoteDrafted') throw new Error('fixture');
    const { lines, totals, customerId, ownerId, currency } = drafted.data;
    spec
      .given([
        drafted,
        quoteSent,
        {
          type: 'QuoteAccepted',
          data: {
            quoteId,
            version: 1 as never,
            acceptedOn: '2026-03-10' as never,
            customerId,
            ownerId,
            currency,
            lines,
            totals,
          },
        },
      ])
      .when({
        kind: 'ReviseQuote',
        quoteId,
        revisedOn: '2026-03-11' as never,
        validUntil: '2026-03-31' as never,
        lines: [seatLine()],
        discountLimitBps: 0 as never,
      })
      .thenFails({ kind: 'QuoteNotOpen', quoteId, status: 'accepted' });
  });
});
