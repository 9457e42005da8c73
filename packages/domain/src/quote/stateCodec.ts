import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode } from '../shared/money.js';
import type { QuoteState, QuoteVersion } from './state.js';
import { PricedCatalogLine, SaleTotals, SubscriptionTerms } from './values.js';

const QuoteVersionCodec = t.readonly(
  t.type({
    version: t.number,
    validUntil: DateOnly,
    lines: t.readonlyArray(PricedCatalogLine),
    totals: SaleTotals,
    subscription: t.union([SubscriptionTerms, t.null]),
  }),
);
const AnyVersions = t.readonlyArray(QuoteVersionCodec);
type Versions = readonly [QuoteVersion, ...QuoteVersion[]];

/** A quote's versions: never empty, since drafting made the first. */
const Versions = new t.Type<Versions, unknown>(
  'Versions',
  (u): u is Versions => AnyVersions.is(u) && u.length > 0,
  (u, context) =>
    pipe(
      AnyVersions.validate(u, context),
      E.chain((versions) =>
        versions.length > 0
          ? t.success(versions as Versions)
          : t.failure(u, context, 'a drafted quote has at least one version'),
      ),
    ),
  (versions) => AnyVersions.encode(versions),
);

const DraftedQuote = t.readonly(
  t.type({
    drafted: t.literal(true),
    quoteId: t.string,
    customerId: t.string,
    ownerId: t.string,
    opportunityId: t.union([t.string, t.null]),
    priceListId: t.string,
    currency: CurrencyCode,
    status: t.keyof({ draft: null, sent: null, accepted: null, rejected: null, expired: null }),
    // The discount approval workflow is recorded in the quote's stream, so it is snapshotted here.
    approval: t.keyof({ not_needed: null, pending: null, approved: null, refused: null }),
    approvalRequestedBy: t.union([t.string, t.null]),
    discountBps: t.number,
    versions: Versions,
  }),
);

/**
 * The Quote state as stored in a snapshot (every version and where its discount approval stands):
 * decoded like any stored JSON, so a snapshot that no longer matches the state's shape is ignored
 * rather than trusted.
 */
export const QuoteStateCodec: t.Type<QuoteState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), DraftedQuote],
  'QuoteState',
);

/**
 * The version of the Quote state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const QUOTE_STATE_VERSION = 'quote@1';
