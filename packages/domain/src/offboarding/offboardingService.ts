import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { OffboardingCommandInput } from './commands.js';
import { OffboardingCommand } from './commands.js';
import { offboardingDecider } from './decide.js';
import type { OffboardingError } from './errors.js';
import { OffboardingEvent } from './events.js';
import type { OffboardingState } from './state.js';

/**
 * Options of {@link createOffboardingService}. Give `authorize` the offboarding rule
 * (`offboardingAuthorizer(policy, teams)`): only who holds `Offboarding.OffboardRep`
 * (administrators by default) may end someone's access.
 */
export type OffboardingServiceOptions = ServiceOptions<OffboardingCommand, OffboardingState>;

/** Departing staff: the write side, and a departure as it stands. */
export interface OffboardingService extends CommandEntry<
  OffboardingEvent,
  OffboardingState,
  OffboardingError,
  OffboardingCommandInput
> {
  load(repId: string): Promise<OffboardingState>;
}

/** The stream of a rep's departure. */
export const offboardingStream = (repId: string): string => streamName('Offboarding', repId);

/** The typed entry point of the Offboarding aggregate: decodes input, authorizes, records. */
export const createOffboardingService = (
  store: EventStore,
  options: OffboardingServiceOptions,
): OffboardingService => {
  const handler = createCommandHandler({
    store,
    decider: offboardingDecider,
    eventCodec: OffboardingEvent,
    streamName: (command) => offboardingStream(command.repId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  return {
    ...createCommandEntry(OffboardingCommand, handler),
    load: async (repId) => (await handler.load(offboardingStream(repId))).state,
  };
};
