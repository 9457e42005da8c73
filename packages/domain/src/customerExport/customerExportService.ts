import type { EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry, ServiceOptions } from '../shared/commandEntry.js';
import type { CustomerExportCommandInput } from './commands.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { CustomerExportCommand } from './commands.js';
import type { CustomerExportError, CustomerExportState } from './decide.js';
import { customerExportDecider } from './decide.js';
import { CustomerExportEvent } from './events.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Options of {@link createCustomerExportService}. */
export type CustomerExportServiceOptions = ServiceOptions<
  CustomerExportCommand,
  CustomerExportState
>;

/** The CustomerExport write side as apps use it. */
export interface CustomerExportService extends CommandEntry<
  CustomerExportEvent,
  CustomerExportState,
  CustomerExportError,
  CustomerExportCommandInput
> {
  load(exportId: string): Promise<CustomerExportState>;
}

/** The stream of one export: `CustomerExport-<exportId>`. */
export const customerExportStream = (exportId: string): string =>
  streamName('CustomerExport', exportId);

/**
 * The typed entry point of customer exports: decodes input, checks `authorize` (give it
 * {@link customerExportAuthorizer}: `Customer.export` and the scope of every customer listed),
 * then records the export. Only after it answers Right may the caller hand the file out.
 */
export const createCustomerExportService = (
  store: EventStore,
  options: CustomerExportServiceOptions,
): CustomerExportService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: customerExportDecider,
    eventCodec: CustomerExportEvent,
    streamName: (command) => customerExportStream(command.exportId),
  });
  return {
    ...createCommandEntry(CustomerExportCommand, handler),
    load: async (exportId) => (await handler.load(customerExportStream(exportId))).state,
  };
};
