import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import type { CommissionCommandInput } from './commands.js';
import type { CommissionError } from './errors.js';
import type { CommissionState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { CommissionCommand } from './commands.js';
import { commissionDecider } from './decide.js';
import { CommissionEvent } from './events.js';

/** The stream of a rep's commission ledger. */
export const commissionStream = (repId: string): string => streamName('Commission', repId);

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
  /** Event id generator; a seeded one makes generated histories repeatable. */
  options: {
    readonly newEventId?: () => string;
    /** Who may do what: checked against the loaded state before every decision. */
    readonly authorize: CommandAuthorizer<CommissionCommand, CommissionState>;
  },
): CommissionService => {
  const handler = createCommandHandler({
    store,
    ...(options.newEventId === undefined ? {} : { newEventId: options.newEventId }),
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
