import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { CommissionCommandInput } from './commands.js';
import type { CommissionError } from './errors.js';
import type { CommissionState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { CommissionCommand } from './commands.js';
import { commissionDecider } from './decide.js';
import { CommissionEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** The stream of a rep's commission ledger. */
export const commissionStream = (repId: string): string => streamName('Commission', repId);

/** Options of {@link createCommissionService}. */
export type CommissionServiceOptions = ServiceOptions<CommissionCommand, CommissionState>;

/** The Commission write side as apps, finance and the accrual process manager use it. */
export interface CommissionService extends CommandEntry<
  CommissionEvent,
  CommissionState,
  CommissionError,
  CommissionCommandInput
> {
  load(repId: string): Promise<CommissionState>;
}

/** The typed entry point of the Commission aggregate: decodes input, then handles it. */
export const createCommissionService = (
  store: EventStore,
  options: CommissionServiceOptions,
): CommissionService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: commissionDecider,
    eventCodec: CommissionEvent,
    streamName: (command) => commissionStream(command.repId),
  });
  return {
    ...createCommandEntry(CommissionCommand, handler),
    load: async (repId) => (await handler.load(commissionStream(repId))).state,
  };
};
