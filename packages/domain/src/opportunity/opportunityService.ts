import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import type { OpportunityCommandInput } from './commands.js';
import type { OpportunityError } from './errors.js';
import type { OpportunityState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { OpportunityCommand } from './commands.js';
import { opportunityDecider } from './decide.js';
import { OpportunityEvent } from './events.js';

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
  options: {
    readonly newEventId?: () => string;
    /** Who may do what: checked against the loaded deal before every decision. */
    readonly authorize: CommandAuthorizer<OpportunityCommand, OpportunityState>;
  },
): OpportunityService => {
  const handler = createCommandHandler({
    store,
    decider: opportunityDecider,
    eventCodec: OpportunityEvent,
    streamName: (command) => streamName('Opportunity', command.opportunityId),
    ...(options.newEventId === undefined ? {} : { newEventId: options.newEventId }),
    authorize: options.authorize,
  });
  return {
    ...createCommandEntry(OpportunityCommand, handler),
    load: async (opportunityId) =>
      (await handler.load(streamName('Opportunity', opportunityId))).state,
  };
};
