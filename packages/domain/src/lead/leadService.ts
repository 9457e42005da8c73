import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { LeadCommandInput } from './commands.js';
import type { LeadError } from './errors.js';
import type { LeadMatcher } from './matching.js';
import type { LeadState } from './state.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import { LeadCommand } from './commands.js';
import { leadDecider } from './decide.js';
import { LeadEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Options of {@link createLeadService}. */
export interface LeadServiceOptions extends ServiceOptions<LeadCommand, LeadState> {
  /** Finds customers and open leads like a new lead; its result is recorded as a warning. */
  readonly findMatches?: LeadMatcher | undefined;
}

/**
 * The Lead write side as apps and importers use it: `send` for commands written in code, `handle`
 * for untrusted input; both are decoded, and a capture is checked for matches first.
 */
export interface LeadService extends CommandEntry<
  LeadEvent,
  LeadState,
  LeadError,
  LeadCommandInput
> {
  load(leadId: string): Promise<LeadState>;
}

/**
 * The typed entry point of the Lead aggregate. Input is decoded at the boundary; a capture's
 * matches come from `findMatches`, never from the caller, and warn without blocking.
 */
export const createLeadService = (store: EventStore, options: LeadServiceOptions): LeadService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: leadDecider,
    eventCodec: LeadEvent,
    streamName: (command) => streamName('Lead', command.leadId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  const handle: LeadService['handle'] = async (input, context) => {
    const decoded = decodeCommand(LeadCommand, input);
    if (E.isLeft(decoded)) return decoded;
    let command = decoded.right;
    if (command.kind === 'CaptureLead') {
      const { matches: _, ...capture } = command;
      const matches =
        options.findMatches === undefined
          ? undefined
          : await options.findMatches({ leadId: capture.leadId, contact: capture.contact ?? {} });
      command = matches === undefined ? capture : { ...capture, matches };
    }
    return E.mapLeft(entryFailure<LeadError>)(await handler.handle(command, context));
  };
  return {
    handle,
    send: handle,
    load: async (leadId) => (await handler.load(streamName('Lead', leadId))).state,
  };
};
