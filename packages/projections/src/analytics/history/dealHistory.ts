import type { OpportunityEvent } from '@clientele/domain';
import { OpportunityEvent as OpportunityEventCodec } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { domainEventDecoder } from '../../readModels/domainEvent.js';
import type { DatedEvent } from './datedEvents.js';
import { datedEvents } from './datedEvents.js';

/** What was known of one deal on a day: the facts the win model and the forecast read. */
export interface DealFacts {
  readonly opportunityId: string;
  /** The deal's name (business data, not a person's). */
  readonly name: string;
  readonly ownerId: string;
  readonly customerId: string | null;
  readonly source: string | null;
  readonly openedOn: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly stageId: string;
  /** The stage's default probability as the pipeline defined it, 0–1. */
  readonly stageProbability: number;
  readonly stageEnteredOn: string;
  readonly outcome: 'open' | 'won' | 'lost';
  readonly closedOn: string | null;
  /** The won amount in minor units; 0 unless won. */
  readonly wonAmountMinor: number;
}

const decode = domainEventDecoder(OpportunityEventCodec);

/** The Opportunity events of a log, decoded once and dated. */
export const datedDealEvents = (events: Iterable<RecordedEvent>): DatedEvent<OpportunityEvent>[] =>
  datedEvents(events, decode);

type Evolve = (
  deal: DealFacts | undefined,
  event: OpportunityEvent,
  day: string,
) => DealFacts | undefined;

const evolveOpen: Evolve = (deal, event, day) => {
  if (event.type === 'OpportunityOpened') {
    const { data } = event;
    return {
      opportunityId: data.opportunityId,
      name: data.name,
      ownerId: data.ownerId,
      customerId: data.customerId ?? null,
      source: data.source ?? null,
      openedOn: day,
      amountMinor: data.amount.amountMinor,
      currency: data.amount.currency,
      stageId: data.stageId,
      stageProbability: data.probabilityBps / 10_000,
      stageEnteredOn: day,
      outcome: 'open',
      closedOn: null,
      wonAmountMinor: 0,
    };
  }
  return deal;
};

/** The deal entering an open stage (moved, or reopened): open again, its stay in the stage from `day`. */
const enterStage = (
  deal: DealFacts,
  stageId: string,
  probabilityBps: number,
  day: string,
): DealFacts => ({
  ...deal,
  stageId,
  stageProbability: probabilityBps / 10_000,
  stageEnteredOn: day,
  outcome: 'open',
  closedOn: null,
  wonAmountMinor: 0,
});

const evolveKnown = (deal: DealFacts, event: OpportunityEvent, day: string): DealFacts => {
  switch (event.type) {
    case 'OpportunityStageChanged':
      return enterStage(deal, event.data.toStageId, event.data.probabilityBps, day);
    case 'OpportunityReopened':
      return enterStage(deal, event.data.stageId, event.data.probabilityBps, day);
    case 'OpportunityAmountChanged':
      return {
        ...deal,
        amountMinor: event.data.amount.amountMinor,
        currency: event.data.amount.currency,
      };
    case 'OpportunityCustomerAttached':
      return { ...deal, customerId: event.data.customerId };
    case 'OpportunityOwnerChanged':
      return { ...deal, ownerId: event.data.ownerId };
    case 'OpportunityWon':
      return {
        ...deal,
        outcome: 'won',
        closedOn: event.data.wonOn,
        wonAmountMinor: event.data.amount.amountMinor,
      };
    case 'OpportunityLost':
      return { ...deal, outcome: 'lost', closedOn: event.data.lostOn };
    case 'OpportunityOpened':
    case 'OpportunityCloseDateChanged':
    case 'CompetitorRecorded':
    case 'QuoteIssued':
      return deal;
  }
};

/**
 * Every deal as known on `day`: a fold of the Opportunity events that happened on or before that
 * day, and of nothing later. This is the only way the models see deals, so a score "as of" a day
 * cannot read an event from after it.
 */
export const dealsAsOf = (
  events: readonly DatedEvent<OpportunityEvent>[],
  day: string,
): ReadonlyMap<string, DealFacts> => {
  const deals = new Map<string, DealFacts>();
  for (const { day: happened, event } of events) {
    if (happened > day) continue;
    const id = event.data.opportunityId;
    const before = deals.get(id);
    const after =
      before === undefined
        ? evolveOpen(before, event, happened)
        : evolveKnown(before, event, happened);
    if (after !== undefined) deals.set(id, after);
  }
  return deals;
};
