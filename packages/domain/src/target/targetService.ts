import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { TargetCommandInput } from './commands.js';
import type { TargetError, TargetState } from './decide.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { TargetCommand } from './commands.js';
import { targetDecider } from './decide.js';
import { TargetEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Options of {@link createTargetService}. */
export type TargetServiceOptions = ServiceOptions<TargetCommand, TargetState>;

/** The Target write side as apps use it. */
export interface TargetService extends CommandEntry<
  TargetEvent,
  TargetState,
  TargetError,
  TargetCommandInput
> {
  load(targetId: string): Promise<TargetState>;
}

/** The typed entry point of the Target aggregate: decodes input, then handles it. */
export const createTargetService = (
  store: EventStore,
  options: TargetServiceOptions,
): TargetService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: targetDecider,
    eventCodec: TargetEvent,
    streamName: (command) => streamName('Target', command.targetId),
  });
  return {
    ...createCommandEntry(TargetCommand, handler),
    load: async (targetId) => (await handler.load(streamName('Target', targetId))).state,
  };
};
