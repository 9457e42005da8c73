import type { QuotePricingError } from '../opportunity/quote.js';
import type { QuoteStatus } from './state.js';

/** Why a quote command was refused. */
export type QuoteError =
  | { readonly kind: 'QuoteNotFound'; readonly quoteId: string }
  | { readonly kind: 'QuoteAlreadyDrafted'; readonly quoteId: string }
  | { readonly kind: 'QuoteNotOpen'; readonly quoteId: string; readonly status: QuoteStatus }
  | { readonly kind: 'QuoteNotSent'; readonly quoteId: string; readonly status: QuoteStatus }
  | {
      readonly kind: 'QuoteLineCurrencyMismatch';
      readonly currency: string;
      readonly lineId: string;
    }
  | { readonly kind: 'QuoteValidityBeforeQuoteDate'; readonly validUntil: string }
  | { readonly kind: 'QuoteValidityPassed'; readonly quoteId: string; readonly validUntil: string }
  | { readonly kind: 'QuoteNotYetExpired'; readonly quoteId: string; readonly validUntil: string }
  /** A quote whose discount awaits approval cannot be sent. */
  | { readonly kind: 'QuoteDiscountApprovalPending'; readonly quoteId: string }
  | { readonly kind: 'QuoteDiscountRefused'; readonly quoteId: string }
  | { readonly kind: 'NoDiscountApprovalPending'; readonly quoteId: string }
  | {
      readonly kind: 'ApproverLimitTooLow';
      readonly approverId: string;
      readonly limitBps: number;
      readonly discountBps: number;
    }
  /** Whoever asked for a discount may not approve it. */
  | { readonly kind: 'SelfApprovalNotAllowed'; readonly approverId: string }
  | QuotePricingError;
