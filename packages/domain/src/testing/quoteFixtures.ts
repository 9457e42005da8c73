import type { QuoteCommand } from '../quote/commands.js';
import type { QuoteEvent } from '../quote/events.js';
import type { CatalogQuoteLine } from '../quote/values.js';

/** Money in euros' minor units, for specs. */
export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;

/** A catalog line for specs: 10 seats at €120.00, 20 % tax, with the given discount. */
export const seatLine = (discountBps = 0, lineId = 'l1'): CatalogQuoteLine =>
  ({
    lineId,
    productId: 'seat',
    sku: 'SEAT-STD',
    productName: 'Seat',
    billing: 'one_off',
    quantity: 10,
    unitPrice: { amountMinor: 12_000, currency: 'EUR' },
    taxRateBps: 2_000,
    discountBps,
  }) as CatalogQuoteLine;

/** A draft command of quote `q-1` by `rep-1`, limit 10 %. */
export const draftQuote = (lines = [seatLine()]): QuoteCommand =>
  ({
    kind: 'DraftQuote',
    quoteId: 'q-1',
    customerId: 'cus-1',
    ownerId: 'rep-1',
    priceListId: 'eu-smb',
    currency: 'EUR',
    quotedOn: '2026-03-02',
    validUntil: '2026-03-31',
    lines,
    discountLimitBps: 1_000,
  }) as unknown as QuoteCommand;

/** The priced seat line: gross 120,000, discount per bps, tax 20 % of the net. */
export const pricedSeatLine = (discount: number, lineId = 'l1', discountBps = 0) => {
  const net = 120_000 - discount;
  return {
    ...seatLine(discountBps, lineId),
    gross: eur(120_000),
    discount: eur(discount),
    net: eur(net),
    tax: eur(net / 5),
    total: eur(net + net / 5),
  };
};

/** `q-1` drafted with one seat line at the given discount. */
export const quoteDrafted = (discountBps = 0): QuoteEvent => {
  const discount = (120_000 * discountBps) / 10_000;
  const net = 120_000 - discount;
  return {
    type: 'QuoteDrafted',
    data: {
      quoteId: 'q-1',
      customerId: 'cus-1',
      ownerId: 'rep-1',
      priceListId: 'eu-smb',
      currency: 'EUR' as never,
      quotedOn: '2026-03-02' as never,
      validUntil: '2026-03-31' as never,
      version: 1 as never,
      lines: [pricedSeatLine(discount, 'l1', discountBps)],
      totals: { net: eur(net), tax: eur(net / 5), total: eur(net + net / 5) },
    },
  };
};

/** The approval request of a 15 % discount over rep-1's 10 % limit. */
export const approvalRequested: QuoteEvent = {
  type: 'QuoteDiscountApprovalRequested',
  data: {
    quoteId: 'q-1',
    version: 1 as never,
    requestedBy: 'rep-1',
    discountBps: 1_500 as never,
    limitBps: 1_000 as never,
    lineIds: ['l1'],
  },
};

/** `q-1` version 1 sent on 2026-03-03. */
export const quoteSent: QuoteEvent = {
  type: 'QuoteSent',
  data: { quoteId: 'q-1', version: 1 as never, sentOn: '2026-03-03' as never },
};
