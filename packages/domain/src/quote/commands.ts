import * as t from 'io-ts';
import { BasisPoints } from '../shared/basisPoints.js';
import { commandCodecFor } from '../shared/commandCodec.js';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode } from '../shared/money.js';
import { CatalogQuoteLine, SubscriptionTerms } from './values.js';

const command = commandCodecFor('quoteId');

/** What every version of a quote states: its lines, validity and subscription terms. */
const VersionFields = {
  validUntil: DateOnly,
  lines: t.readonlyArray(CatalogQuoteLine),
  /** The largest line discount the rep may give alone; the quote service looks it up. */
  discountLimitBps: BasisPoints,
};

/**
 * Draft a quote from the catalog. The quote service fills each line's price and tax rate from
 * the price list as of `quotedOn`, and the rep's discount limit from the discount rules.
 */
export const DraftQuote = command(
  'DraftQuote',
  {
    customerId: t.string,
    ownerId: t.string,
    priceListId: t.string,
    currency: CurrencyCode,
    quotedOn: DateOnly,
    ...VersionFields,
  },
  { opportunityId: t.string, subscription: SubscriptionTerms },
);
/** Replace the quote's lines with a new version; the previous versions are kept. */
export const ReviseQuote = command(
  'ReviseQuote',
  { revisedOn: DateOnly, ...VersionFields },
  { subscription: SubscriptionTerms },
);
/** Approve the pending discount; the approver's own limit must cover it. */
export const ApproveQuoteDiscount = command(
  'ApproveQuoteDiscount',
  { approverId: t.string, approverLimitBps: BasisPoints },
  { note: t.string },
);
/** Refuse the pending discount; the quote cannot be sent until revised. */
export const RejectQuoteDiscount = command(
  'RejectQuoteDiscount',
  { approverId: t.string },
  { reason: t.string },
);
/** Send the current version to the customer. */
export const SendQuote = command('SendQuote', { sentOn: DateOnly }, {});
/** The customer accepted the sent version. */
export const AcceptQuote = command('AcceptQuote', { acceptedOn: DateOnly }, {});
/** The customer declined the sent version. */
export const RejectQuote = command('RejectQuote', { rejectedOn: DateOnly }, { reason: t.string });
/** The quote's validity ran out: sent by the expiry reactor when its clock passes `validUntil`. */
export const ExpireQuote = command('ExpireQuote', { today: DateOnly }, {});

/** Every command of the Quote aggregate. */
export const QuoteCommand = t.union(
  [
    DraftQuote,
    ReviseQuote,
    ApproveQuoteDiscount,
    RejectQuoteDiscount,
    SendQuote,
    AcceptQuote,
    RejectQuote,
    ExpireQuote,
  ],
  'QuoteCommand',
);
/** Every command of the Quote aggregate. */
export type QuoteCommand = t.TypeOf<typeof QuoteCommand>;
/** A Quote command as code writes it, in plain strings and numbers. */
export type QuoteCommandInput = t.OutputOf<typeof QuoteCommand>;
