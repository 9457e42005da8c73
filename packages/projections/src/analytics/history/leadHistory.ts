import type { LeadEvent } from '@clientele/domain';
import { LeadEvent as LeadEventCodec } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { domainEventDecoder } from '../../readModels/domainEvent.js';
import type { DatedEvent } from './datedEvents.js';
import { datedEvents } from './datedEvents.js';

/** What was known of one lead on a day: what the conversion model reads. */
export interface LeadFacts {
  readonly leadId: string;
  readonly source: string;
  readonly campaignId: string | null;
  readonly region: string | null;
  readonly industry: string | null;
  readonly capturedOn: string;
  readonly ownerId: string | null;
  readonly outcome: 'open' | 'converted' | 'disqualified';
  readonly closedOn: string | null;
}

const decode = domainEventDecoder(LeadEventCodec);

/** The Lead events of a log, decoded once and dated. */
export const datedLeadEvents = (events: Iterable<RecordedEvent>): DatedEvent<LeadEvent>[] =>
  datedEvents(events, decode);

const evolve = (
  lead: LeadFacts | undefined,
  event: LeadEvent,
  day: string,
): LeadFacts | undefined => {
  if (event.type === 'LeadCaptured')
    return {
      leadId: event.data.leadId,
      source: event.data.source,
      campaignId: event.data.campaignId ?? null,
      region: event.data.region ?? null,
      industry: event.data.industry ?? null,
      capturedOn: day,
      ownerId: null,
      outcome: 'open',
      closedOn: null,
    };
  if (lead === undefined) return undefined;
  if (event.type === 'LeadAssigned') return { ...lead, ownerId: event.data.ownerId };
  if (event.type === 'LeadConverted') return { ...lead, outcome: 'converted', closedOn: day };
  if (event.type === 'LeadDisqualified') return { ...lead, outcome: 'disqualified', closedOn: day };
  if (event.type === 'LeadRecycled')
    return { ...lead, outcome: 'open', closedOn: null, ownerId: null };
  return lead;
};

/**
 * Every lead as known on `day`: a fold of the Lead events that happened on or before it, and of
 * nothing later, so a conversion score as of a day cannot read the future.
 */
export const leadsAsOf = (
  events: readonly DatedEvent<LeadEvent>[],
  day: string,
): ReadonlyMap<string, LeadFacts> => {
  const leads = new Map<string, LeadFacts>();
  for (const { day: happened, event } of events) {
    if (happened > day) continue;
    const after = evolve(leads.get(event.data.leadId), event, happened);
    if (after !== undefined) leads.set(event.data.leadId, after);
  }
  return leads;
};
