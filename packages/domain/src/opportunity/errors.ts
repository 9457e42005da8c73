import type { QuotePricingError } from './quote.js';

/** Why an opportunity command was refused. */
export type OpportunityError =
  | { readonly kind: 'OpportunityNotFound'; readonly opportunityId: string }
  | { readonly kind: 'OpportunityAlreadyOpened'; readonly opportunityId: string }
  | { readonly kind: 'UnknownStage'; readonly stageId: string; readonly pipelineId: string }
  /** Closing stages are reached by marking the deal won or lost, which records the outcome. */
  | { readonly kind: 'StageIsClosed'; readonly stageId: string }
  | {
      readonly kind: 'OpportunityClosed';
      readonly opportunityId: string;
      readonly status: 'won' | 'lost';
    }
  | { readonly kind: 'OpportunityNotClosed'; readonly opportunityId: string }
  | { readonly kind: 'QuoteAlreadyIssued'; readonly quoteId: string }
  | QuotePricingError;
