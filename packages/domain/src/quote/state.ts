import type { DateOnly } from '../shared/dates.js';
import type { CurrencyCode } from '../shared/money.js';
import type { QuoteEvent } from './events.js';
import type { PricedCatalogLine, SaleTotals, SubscriptionTerms } from './values.js';

/** Where a quote is in its life. */
export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';

/** Where the discount of the current version stands. */
export type DiscountApproval = 'not_needed' | 'pending' | 'approved' | 'refused';

/** One version of a quote, as drafted or revised. */
export interface QuoteVersion {
  readonly version: number;
  readonly validUntil: DateOnly;
  readonly lines: readonly PricedCatalogLine[];
  readonly totals: SaleTotals;
  readonly subscription: SubscriptionTerms | null;
}

/** A drafted quote after its events: every version, the current one last. */
export interface QuoteProfile {
  readonly quoteId: string;
  readonly customerId: string;
  readonly ownerId: string;
  readonly opportunityId: string | null;
  readonly priceListId: string;
  readonly currency: CurrencyCode;
  readonly status: QuoteStatus;
  readonly approval: DiscountApproval;
  /** Who asked for the pending discount approval. */
  readonly approvalRequestedBy: string | null;
  /** The discount awaiting approval, in basis points. */
  readonly discountBps: number;
  readonly versions: readonly [QuoteVersion, ...QuoteVersion[]];
}

/** A quote stream's state: nothing yet, or a drafted quote. */
export type QuoteState = { readonly status: 'none' } | ({ readonly drafted: true } & QuoteProfile);

/** The state of a stream with no events. */
export const initialQuoteState: QuoteState = { status: 'none' };

/** The version a quote stands at now. */
export const currentVersion = (quote: QuoteProfile): QuoteVersion =>
  quote.versions[quote.versions.length - 1] as QuoteVersion;

const change = (state: QuoteState, patch: Partial<QuoteProfile>): QuoteState =>
  'drafted' in state ? { ...state, ...patch } : state;

/** Folds one event into a quote's state. */
export const evolveQuote = (state: QuoteState, event: QuoteEvent): QuoteState => {
  switch (event.type) {
    case 'QuoteDrafted': {
      const { data } = event;
      return {
        drafted: true,
        quoteId: data.quoteId,
        customerId: data.customerId,
        ownerId: data.ownerId,
        opportunityId: data.opportunityId ?? null,
        priceListId: data.priceListId,
        currency: data.currency,
        status: 'draft',
        approval: 'not_needed',
        approvalRequestedBy: null,
        discountBps: 0,
        versions: [
          {
            version: data.version,
            validUntil: data.validUntil,
            lines: data.lines,
            totals: data.totals,
            subscription: data.subscription ?? null,
          },
        ],
      };
    }
    case 'QuoteRevised': {
      if (!('drafted' in state)) return state;
      const { data } = event;
      const version: QuoteVersion = {
        version: data.version,
        validUntil: data.validUntil,
        lines: data.lines,
        totals: data.totals,
        subscription: data.subscription ?? null,
      };
      return {
        ...state,
        status: 'draft',
        approval: 'not_needed',
        approvalRequestedBy: null,
        discountBps: 0,
        versions: [...state.versions, version],
      };
    }
    case 'QuoteDiscountApprovalRequested':
      return change(state, {
        approval: 'pending',
        approvalRequestedBy: event.data.requestedBy,
        discountBps: event.data.discountBps,
      });
    case 'QuoteDiscountApproved':
      return change(state, { approval: 'approved' });
    case 'QuoteDiscountRejected':
      return change(state, { approval: 'refused' });
    case 'QuoteSent':
      return change(state, { status: 'sent' });
    case 'QuoteAccepted':
      return change(state, { status: 'accepted' });
    case 'QuoteRejected':
      return change(state, { status: 'rejected' });
    case 'QuoteExpired':
      return change(state, { status: 'expired' });
  }
};
