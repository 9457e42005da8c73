import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { OpportunityCommandInput } from './commands.js';
import type { OpportunityError } from './errors.js';
import type { OpportunityState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { OpportunityCommand } from './commands.js';
import { opportunityDecider } from './decide.js';
import { OpportunityEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Options of {@link createOpportunityService}. */
export type OpportunityServiceOptions = ServiceOptions<OpportunityCommand, OpportunityState>;

/** The Opportunity write side as apps and importers use it. */
export interface OpportunityService extends CommandEntry<
  OpportunityEvent,
  OpportunityState,
  OpportunityError,
  OpportunityCommandInput
> {
  load(opportunityId: string): Promise<OpportunityState>;
}

/** The typed entry point of the Opportunity aggregate: decodes input, then handles it. */
export const createOpportunityService = (
  store: EventStore,
  options: OpportunityServiceOptions,
): OpportunityService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: opportunityDecider,
    eventCodec: OpportunityEvent,
    streamName: (command) => streamName('Opportunity', command.opportunityId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  return {
    ...createCommandEntry(OpportunityCommand, handler),
    load: async (opportunityId) =>
      (await handler.load(streamName('Opportunity', opportunityId))).state,
  };
};
