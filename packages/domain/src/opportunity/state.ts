import type { DateOnly } from '../shared/dates.js';
import type { NonNegativeMoney } from '../shared/money.js';
import type { OpportunityEvent } from './events.js';
import type { Pipeline } from './pipeline.js';

/** An opened deal after its events. */
export interface OpportunityProfile {
  readonly opportunityId: string;
  readonly pipeline: Pipeline;
  readonly status: 'open' | 'won' | 'lost';
  readonly stageId: string;
  /** The open stage the deal was in before it closed: where a reopen returns by default. */
  readonly lastOpenStageId: string;
  readonly amount: NonNegativeMoney;
  readonly expectedCloseOn: DateOnly;
  readonly ownerId: string;
  readonly customerId: string | null;
  readonly competitors: readonly string[];
  readonly quoteIds: readonly string[];
}

/** An opportunity stream's state: nothing yet, or an opened deal. */
export type OpportunityState =
  { readonly status: 'none' } | ({ readonly opened: true } & OpportunityProfile);

/** The state of a stream with no events. */
export const initialOpportunityState: OpportunityState = { status: 'none' };

const change = (
  state: OpportunityState,
  patch: (deal: OpportunityProfile) => Partial<OpportunityProfile>,
): OpportunityState => ('opened' in state ? { ...state, ...patch(state) } : state);

/** Folds one event into an opportunity's state. */
export const evolveOpportunity = (
  state: OpportunityState,
  event: OpportunityEvent,
): OpportunityState => {
  switch (event.type) {
    case 'OpportunityOpened': {
      const { data } = event;
      return {
        opened: true,
        opportunityId: data.opportunityId,
        pipeline: data.pipeline,
        status: 'open',
        stageId: data.stageId,
        lastOpenStageId: data.stageId,
        amount: data.amount,
        expectedCloseOn: data.expectedCloseOn,
        ownerId: data.ownerId,
        customerId: data.customerId ?? null,
        competitors: [],
        quoteIds: [],
      };
    }
    case 'OpportunityStageChanged':
      return change(state, () => ({
        stageId: event.data.toStageId,
        lastOpenStageId: event.data.toStageId,
      }));
    case 'OpportunityAmountChanged':
      return change(state, () => ({ amount: event.data.amount }));
    case 'OpportunityCloseDateChanged':
      return change(state, () => ({ expectedCloseOn: event.data.expectedCloseOn }));
    case 'OpportunityCustomerAttached':
      return change(state, () => ({ customerId: event.data.customerId }));
    case 'OpportunityOwnerChanged':
      return change(state, () => ({ ownerId: event.data.ownerId }));
    case 'CompetitorRecorded':
      return change(state, (deal) => ({
        competitors: [...deal.competitors, event.data.competitor],
      }));
    case 'QuoteIssued':
      return change(state, (deal) => ({ quoteIds: [...deal.quoteIds, event.data.quoteId] }));
    case 'OpportunityWon':
      return change(state, () => ({
        status: 'won',
        stageId: event.data.stageId,
        amount: event.data.amount,
      }));
    case 'OpportunityLost':
      return change(state, () => ({ status: 'lost', stageId: event.data.stageId }));
    case 'OpportunityReopened':
      return change(state, () => ({
        status: 'open',
        stageId: event.data.stageId,
        lastOpenStageId: event.data.stageId,
      }));
  }
};
