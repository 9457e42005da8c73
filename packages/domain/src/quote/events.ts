import * as t from 'io-ts';
import { BasisPoints } from '../shared/basisPoints.js';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { CurrencyCode } from '../shared/money.js';
import { PositiveQuantity } from '../opportunity/quote.js';
import { PricedCatalogLine, SaleTotals, SubscriptionTerms } from './values.js';

/** One version of a quote: exact lines and totals, validity and subscription terms. */
const VersionFields = {
  quoteId: t.string,
  version: PositiveQuantity,
  validUntil: DateOnly,
  lines: t.readonlyArray(PricedCatalogLine),
  totals: SaleTotals,
};

/** A quote was drafted from the catalog: version 1. */
export const QuoteDrafted = eventCodec(
  'QuoteDrafted',
  t.intersection([
    t.type({
      ...VersionFields,
      customerId: t.string,
      ownerId: t.string,
      priceListId: t.string,
      currency: CurrencyCode,
      quotedOn: DateOnly,
    }),
    t.partial({ opportunityId: t.string, subscription: SubscriptionTerms }),
  ]),
);
/** A new version replaced the current one; the earlier versions stay in the stream. */
export const QuoteRevised = eventCodec(
  'QuoteRevised',
  t.intersection([
    t.type({ ...VersionFields, revisedOn: DateOnly }),
    t.partial({ subscription: SubscriptionTerms }),
  ]),
);
/** A version's discount is above the rep's limit: someone allowed to must approve it. */
export const QuoteDiscountApprovalRequested = eventCodec(
  'QuoteDiscountApprovalRequested',
  t.type({
    quoteId: t.string,
    version: PositiveQuantity,
    requestedBy: t.string,
    discountBps: BasisPoints,
    limitBps: BasisPoints,
    lineIds: t.readonlyArray(t.string),
  }),
);
/** The pending discount was approved, by `approvedBy`. */
export const QuoteDiscountApproved = eventCodec(
  'QuoteDiscountApproved',
  t.intersection([
    t.type({ quoteId: t.string, version: PositiveQuantity, approvedBy: t.string }),
    t.partial({ note: t.string }),
  ]),
);
/** The pending discount was refused, by `rejectedBy`. */
export const QuoteDiscountRejected = eventCodec(
  'QuoteDiscountRejected',
  t.intersection([
    t.type({ quoteId: t.string, version: PositiveQuantity, rejectedBy: t.string }),
    t.partial({ reason: t.string }),
  ]),
);
/** The current version went to the customer. */
export const QuoteSent = eventCodec(
  'QuoteSent',
  t.type({ quoteId: t.string, version: PositiveQuantity, sentOn: DateOnly }),
);
/**
 * The customer accepted the sent version. The event repeats what was accepted, so the order (or
 * contract) it becomes needs nothing else.
 */
export const QuoteAccepted = eventCodec(
  'QuoteAccepted',
  t.intersection([
    t.type({
      quoteId: t.string,
      version: PositiveQuantity,
      acceptedOn: DateOnly,
      customerId: t.string,
      ownerId: t.string,
      currency: CurrencyCode,
      lines: t.readonlyArray(PricedCatalogLine),
      totals: SaleTotals,
    }),
    t.partial({ opportunityId: t.string, subscription: SubscriptionTerms }),
  ]),
);
/** The customer declined the sent version. */
export const QuoteRejected = eventCodec(
  'QuoteRejected',
  t.intersection([
    t.type({ quoteId: t.string, version: PositiveQuantity, rejectedOn: DateOnly }),
    t.partial({ reason: t.string }),
  ]),
);
/** The quote's validity ran out before it was accepted or rejected. */
export const QuoteExpired = eventCodec(
  'QuoteExpired',
  t.type({ quoteId: t.string, version: PositiveQuantity, expiredOn: DateOnly }),
);

/** Every event of a Quote stream. */
export const QuoteEvent = t.union(
  [
    QuoteDrafted,
    QuoteRevised,
    QuoteDiscountApprovalRequested,
    QuoteDiscountApproved,
    QuoteDiscountRejected,
    QuoteSent,
    QuoteAccepted,
    QuoteRejected,
    QuoteExpired,
  ],
  'QuoteEvent',
);
/** Every event of a Quote stream. */
export type QuoteEvent = t.TypeOf<typeof QuoteEvent>;
