import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { CampaignCommandInput } from './commands.js';
import type { CampaignError } from './decide.js';
import type { CampaignState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { CampaignCommand } from './commands.js';
import { campaignDecider } from './decide.js';
import { CampaignEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Options of {@link createCampaignService}. */
export type CampaignServiceOptions = ServiceOptions<CampaignCommand, CampaignState>;

/** The Campaign write side as apps use it. */
export interface CampaignService extends CommandEntry<
  CampaignEvent,
  CampaignState,
  CampaignError,
  CampaignCommandInput
> {
  load(campaignId: string): Promise<CampaignState>;
}

/** The typed entry point of the Campaign aggregate: decodes input, then handles it. */
export const createCampaignService = (
  store: EventStore,
  options: CampaignServiceOptions,
): CampaignService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: campaignDecider,
    eventCodec: CampaignEvent,
    streamName: (command) => streamName('Campaign', command.campaignId),
  });
  return {
    ...createCommandEntry(CampaignCommand, handler),
    load: async (campaignId) => (await handler.load(streamName('Campaign', campaignId))).state,
  };
};
