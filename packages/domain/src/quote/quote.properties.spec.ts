import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { salesOrderDecider } from '../salesOrder/decide.js';
import { splitIntoInstallments } from '../billing/installments.js';
import type { InvoiceSaleLine } from '../invoice/values.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { QuoteCommand } from './commands.js';
import { quoteDecider } from './decide.js';
import { QuoteEvent } from './events.js';
import { priceCatalogLines, totalsMatchLines } from './pricing.js';
import type { CatalogQuoteLine } from './values.js';
import { QuoteStateCodec } from './stateCodec.js';

const catalogLine = (index: number) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 5_000 }),
      amountMinor: fc.integer({ min: 0, max: 5_000_000 }),
      discountBps: fc.integer({ min: 0, max: 3_000 }),
      taxRateBps: fc.constantFrom(0, 550, 1_300, 2_000, 2_100),
    })
    .map(
      ({ quantity, amountMinor, discountBps, taxRateBps }) =>
        ({
          lineId: `l${String(index)}`,
          productId: `p${String(index % 3)}`,
          sku: `SKU-${String(index % 3)}`,
          productName: `Product ${String(index % 3)}`,
          billing: 'one_off',
          quantity,
          unitPrice: { amountMinor, currency: 'EUR' },
          taxRateBps,
          discountBps,
        }) as CatalogQuoteLine,
    );
const catalogLines = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => catalogLine(index))));

const day = (offset: number) => `2026-03-${String(offset).padStart(2, '0')}` as never;
const quoteCommand = (lines: readonly CatalogQuoteLine[]): fc.Arbitrary<QuoteCommand> => {
  const send = fc
    .integer({ min: 2, max: 26 })
    .map((d) => ({ kind: 'SendQuote' as const, quoteId: 'q', sentOn: day(d) }));
  const approve = fc.constantFrom('mgr', 'mgr', 'rep').map(
    (approverId) =>
      ({
        kind: 'ApproveQuoteDiscount' as const,
        quoteId: 'q',
        approverId,
        approverLimitBps: 5_000,
      }) as QuoteCommand,
  );
  const accept = fc
    .integer({ min: 2, max: 28 })
    .map((d) => ({ kind: 'AcceptQuote' as const, quoteId: 'q', acceptedOn: day(d) }));
  // Listed more than once: sending and approving are what most runs must get through.
  return fc.oneof(
    send,
    send,
    send,
    approve,
    approve,
    fc
      .integer({ min: 2, max: 28 })
      .map((d) => ({ kind: 'SendQuote' as const, quoteId: 'q', sentOn: day(d) })),
    accept,
    accept,
    fc
      .integer({ min: 2, max: 31 })
      .map((d) => ({ kind: 'RejectQuote' as const, quoteId: 'q', rejectedOn: day(d) })),
    fc
      .integer({ min: 24, max: 31 })
      .map((d) => ({ kind: 'ExpireQuote' as const, quoteId: 'q', today: day(d) })),
    fc.constantFrom('mgr', 'rep').map(
      (approverId) =>
        ({
          kind: 'ApproveQuoteDiscount' as const,
          quoteId: 'q',
          approverId,
          approverLimitBps: 2_500,
        }) as QuoteCommand,
    ),
    fc.constant({ kind: 'RejectQuoteDiscount' as const, quoteId: 'q', approverId: 'mgr' }),
    fc.integer({ min: 2, max: 20 }).map(
      (d) =>
        ({
          kind: 'ReviseQuote' as const,
          quoteId: 'q',
          revisedOn: day(d),
          validUntil: day(25),
          lines: lines.map((line) => ({ ...line, quantity: line.quantity + 1 })),
          discountLimitBps: 1_000,
        }) as unknown as QuoteCommand,
    ),
  );
};

describe('quote properties', () => {
  it('prices any catalog lines exactly, and the order and its invoices keep the same totals to the minor unit', () => {
    fc.assert(
      fc.property(catalogLines, (lines) => {
        const sale = priceCatalogLines(lines);
        if (E.isLeft(sale)) return false;
        const { lines: priced, totals } = sale.right;
        expect(totalsMatchLines(priced, totals)).toBe(true);
        for (const [index, line] of priced.entries()) {
          const source = lines[index] as CatalogQuoteLine;
          // Discount and tax are within half a minor unit of their exact rational values.
          expect(
            Math.abs(
              line.discount.amountMinor * 10_000 -
                line.gross.amountMinor * (source.discountBps ?? 0),
            ),
          ).toBeLessThanOrEqual(5_000);
          expect(
            Math.abs(line.tax.amountMinor * 10_000 - line.net.amountMinor * source.taxRateBps),
          ).toBeLessThanOrEqual(5_000);
        }
        const order = salesOrderDecider.decide(
          {
            kind: 'PlaceOrder',
            orderId: 'o',
            customerId: 'c',
            ownerId: 'r',
            currency: 'EUR' as never,
            orderedOn: day(5),
            lines: priced,
            totals,
          },
          salesOrderDecider.initialState,
        );
        if (E.isLeft(order)) return false;
        const [placed] = order.right;
        if (placed?.type !== 'OrderPlaced') return false;
        expect(placed.data.totals).toEqual(totals);
        // However the order is invoiced, its invoices add up to its totals, line by line.
        for (const count of [1, 3, 12]) {
          const billed = { source: 'order' as const, sourceId: 'o', lines: priced };
          const invoiceLines = splitIntoInstallments(billed, count, day(5), 1);
          const sum = (pick: (line: InvoiceSaleLine) => number) =>
            invoiceLines
              .flatMap((invoice) => invoice.lines)
              .reduce((total, line) => total + pick(line), 0);
          expect([
            sum((line) => line.net.amountMinor),
            sum((line) => line.tax.amountMinor),
          ]).toEqual([totals.net.amountMinor, totals.tax.amountMinor]);
          expect(
            invoiceLines.reduce((total, invoice) => total + invoice.total.amountMinor, 0),
          ).toBe(totals.total.amountMinor);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('replays any sequence of accepted quote commands to the state reached while deciding, from a snapshot anywhere in it too', () => {
    const sequences = catalogLines.chain((lines) =>
      startingWith(
        fc.constantFrom(0, 1).map(
          (overLimit) =>
            ({
              kind: 'DraftQuote',
              quoteId: 'q',
              customerId: 'c',
              ownerId: 'rep',
              priceListId: 'pl',
              currency: 'EUR',
              quotedOn: day(1),
              validUntil: day(25),
              lines,
              // Half the drafts need approval: the limit is below every generated discount.
              discountLimitBps: overLimit === 1 ? 0 : 10_000,
            }) as unknown as QuoteCommand,
        ),
        quoteCommand(lines),
        { minLength: 4, maxLength: 12 },
      ),
    );
    assertReplayDeterminism(quoteDecider, QuoteEvent, sequences, {
      numRuns: 150,
      stateCodec: QuoteStateCodec,
      minEvents: 2,
      mustReach: {
        QuoteSent: 0.3,
        QuoteAccepted: 0.05,
        QuoteRevised: 0.2,
        QuoteDiscountApproved: 0.1,
      },
      invariant: ({ after }) => {
        if (!('drafted' in after)) return;
        const current = after.versions[after.versions.length - 1];
        expect(current !== undefined && totalsMatchLines(current.lines, current.totals)).toBe(true);
        // A quote never leaves draft while its discount awaits approval or was refused.
        if (after.status === 'sent') expect(['not_needed', 'approved']).toContain(after.approval);
      },
    });
  });
});
