import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { CurrencyCode } from '../shared/money.js';
import { PositiveQuantity } from '../opportunity/quote.js';
import { NoticeDays, PricedCatalogLine, SaleTotals, SubscriptionTerms } from '../quote/values.js';

/** A contract started: its first term runs from `terms.startOn` to `endOn`. */
export const ContractStarted = eventCodec(
  'ContractStarted',
  t.intersection([
    t.type({
      contractId: t.string,
      customerId: t.string,
      ownerId: t.string,
      currency: CurrencyCode,
      terms: SubscriptionTerms,
      lines: t.readonlyArray(PricedCatalogLine),
      totals: SaleTotals,
      term: PositiveQuantity,
      endOn: DateOnly,
    }),
    t.partial({ quoteId: t.string, opportunityId: t.string }),
  ]),
);
/** The contract's lines (and possibly renewal or notice) changed from a day on. */
export const ContractAmended = eventCodec(
  'ContractAmended',
  t.intersection([
    t.type({
      contractId: t.string,
      amendedOn: DateOnly,
      lines: t.readonlyArray(PricedCatalogLine),
      totals: SaleTotals,
    }),
    t.partial({ autoRenew: t.boolean, noticeDays: NoticeDays }),
  ]),
);
/** The contract was renewed: term `term` runs from `startOn` to `endOn`. */
export const ContractRenewed = eventCodec(
  'ContractRenewed',
  t.type({
    contractId: t.string,
    term: PositiveQuantity,
    startOn: DateOnly,
    endOn: DateOnly,
    renewedOn: DateOnly,
  }),
);
/**
 * The customer gave notice; the contract ends on `effectiveOn`: the end of the current term when
 * the notice came at least the notice period before it, else the end of the next term.
 */
export const ContractNoticeGiven = eventCodec(
  'ContractNoticeGiven',
  t.intersection([
    t.type({ contractId: t.string, noticeGivenOn: DateOnly, effectiveOn: DateOnly }),
    t.partial({ reason: t.string }),
  ]),
);
/** The contract ended: by notice (`cancelled`, churn) or at the end of a term not renewed. */
export const ContractEnded = eventCodec(
  'ContractEnded',
  t.type({
    contractId: t.string,
    endedOn: DateOnly,
    reason: t.keyof({ cancelled: null, not_renewed: null }),
  }),
);

/** Every event of a Contract stream. */
export const ContractEvent = t.union(
  [ContractStarted, ContractAmended, ContractRenewed, ContractNoticeGiven, ContractEnded],
  'ContractEvent',
);
/** Every event of a Contract stream. */
export type ContractEvent = t.TypeOf<typeof ContractEvent>;
