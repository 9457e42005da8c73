import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { TicketCommandInput } from './commands.js';
import type { TicketError } from './errors.js';
import type { TicketState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { TicketCommand } from './commands.js';
import { ticketDecider } from './decide.js';
import { TicketEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** The stream of a ticket. */
export const ticketStream = (ticketId: string): string => streamName('Ticket', ticketId);

/** Options of {@link createTicketService}. */
export type TicketServiceOptions = ServiceOptions<TicketCommand, TicketState>;

/** The Ticket write side as apps and importers use it. */
export interface TicketService extends CommandEntry<
  TicketEvent,
  TicketState,
  TicketError,
  TicketCommandInput
> {
  load(ticketId: string): Promise<TicketState>;
}

/** The typed entry point of the Ticket aggregate: decodes input, then handles it. */
export const createTicketService = (
  store: EventStore,
  options: TicketServiceOptions,
): TicketService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: ticketDecider,
    eventCodec: TicketEvent,
    streamName: (command) => ticketStream(command.ticketId),
  });
  return {
    ...createCommandEntry(TicketCommand, handler),
    load: async (ticketId) => (await handler.load(ticketStream(ticketId))).state,
  };
};
