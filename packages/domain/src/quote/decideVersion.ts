import * as E from 'fp-ts/lib/Either.js';
import type { DateOnly } from '../shared/dates.js';
import type { QuoteError } from './errors.js';
import type { QuoteEvent } from './events.js';
import type { PricedSale } from './pricing.js';
import { largestDiscountBps, priceCatalogLines } from './pricing.js';
import type { CatalogQuoteLine } from './values.js';
import type { BasisPoints } from '../shared/basisPoints.js';

/** What a draft or a revision states about its version. */
export interface VersionRequest {
  readonly quoteId: string;
  readonly version: number;
  readonly currency: string;
  readonly startsOn: DateOnly;
  readonly validUntil: DateOnly;
  readonly lines: readonly CatalogQuoteLine[];
  readonly discountLimitBps: number;
  readonly requestedBy: string;
}

/** Prices a version's lines in the quote's currency, with a validity that ends after it starts. */
export const priceVersion = (request: VersionRequest): E.Either<QuoteError, PricedSale> => {
  if (request.validUntil < request.startsOn) {
    return E.left({ kind: 'QuoteValidityBeforeQuoteDate', validUntil: request.validUntil });
  }
  const foreign = request.lines.find((line) => line.unitPrice.currency !== request.currency);
  if (foreign !== undefined) {
    return E.left({
      kind: 'QuoteLineCurrencyMismatch',
      currency: foreign.unitPrice.currency,
      lineId: foreign.lineId,
    });
  }
  return priceCatalogLines(request.lines);
};

/**
 * The approval request a version needs: one when a line's discount is above the rep's limit,
 * naming those lines; none otherwise.
 */
export const approvalNeeded = (request: VersionRequest): readonly QuoteEvent[] => {
  const discountBps = largestDiscountBps(request.lines);
  if (discountBps <= request.discountLimitBps) return [];
  return [
    {
      type: 'QuoteDiscountApprovalRequested',
      data: {
        quoteId: request.quoteId,
        version: request.version as never,
        requestedBy: request.requestedBy,
        discountBps: discountBps as BasisPoints,
        limitBps: request.discountLimitBps as BasisPoints,
        lineIds: request.lines
          .filter((line) => (line.discountBps ?? 0) > request.discountLimitBps)
          .map((line) => line.lineId),
      },
    },
  ];
};
