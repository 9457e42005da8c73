import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { SalesOrganizationCommandInput } from './commands.js';
import type { SalesOrganizationError } from './decide.js';
import type { SalesOrganizationState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { SalesOrganizationCommand } from './commands.js';
import { salesOrganizationDecider } from './decide.js';
import { SalesOrganizationEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/**
 * Options of {@link createSalesOrganizationService}. Give `authorize` the organization rule
 * (`salesAuthorizers(...).organization`): teams and managers decide who reads whose customers,
 * so nobody may form or join one unchecked.
 */
export type SalesOrganizationServiceOptions = ServiceOptions<
  SalesOrganizationCommand,
  SalesOrganizationState
>;

/** The sales organization's write side as apps use it. */
export interface SalesOrganizationService extends CommandEntry<
  SalesOrganizationEvent,
  SalesOrganizationState,
  SalesOrganizationError,
  SalesOrganizationCommandInput
> {
  load(organizationId: string): Promise<SalesOrganizationState>;
}

/** The typed entry point of the SalesOrganization aggregate: decodes input, then handles it. */
export const createSalesOrganizationService = (
  store: EventStore,
  options: SalesOrganizationServiceOptions,
): SalesOrganizationService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: salesOrganizationDecider,
    eventCodec: SalesOrganizationEvent,
    streamName: (command) => streamName('SalesOrganization', command.organizationId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  return {
    ...createCommandEntry(SalesOrganizationCommand, handler),
    load: async (organizationId) =>
      (await handler.load(streamName('SalesOrganization', organizationId))).state,
  };
};
