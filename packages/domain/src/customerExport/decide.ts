import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { CustomerExportCommand } from './commands.js';
import type { CustomerExportEvent, CustomersExported } from './events.js';

/** An export as its one event left it: not yet recorded, or recorded with what it held. */
export type CustomerExportState =
  { readonly recorded: false } | ({ readonly recorded: true } & CustomersExported['data']);

/** Why an export command was refused. */
export type CustomerExportError =
  | { readonly kind: 'ExportAlreadyRecorded'; readonly exportId: string }
  | {
      readonly kind: 'CustomerListedTwice';
      readonly exportId: string;
      readonly customerId: string;
    };

/** Folds the export's event into its state. */
export const evolveCustomerExport = (
  _state: CustomerExportState,
  event: CustomerExportEvent,
): CustomerExportState => ({ recorded: true, ...event.data });

/**
 * Records an export once per export id (a retry with the same command id is idempotent; a second
 * export needs a new id). The ids are recorded sorted, so the event says what was taken, not in
 * which order the caller listed it.
 */
export const decideCustomerExport = (
  command: CustomerExportCommand,
  state: CustomerExportState,
): E.Either<CustomerExportError, readonly CustomerExportEvent[]> => {
  const { exportId } = command;
  if (state.recorded) return E.left({ kind: 'ExportAlreadyRecorded', exportId });
  const ids = command.customers.map((customer) => customer.customerId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined)
    return E.left({ kind: 'CustomerListedTwice', exportId, customerId: twice });
  return E.right([
    {
      type: 'CustomersExported',
      data: {
        exportId,
        format: command.format,
        scope: command.scope,
        count: ids.length,
        customerIds: [...ids].sort(),
        contentSha256: command.contentSha256,
      },
    },
  ]);
};

/** The CustomerExport aggregate (one stream per export) as a decider. */
export const customerExportDecider: Decider<
  CustomerExportCommand,
  CustomerExportEvent,
  CustomerExportState,
  CustomerExportError
> = {
  initialState: { recorded: false },
  decide: decideCustomerExport,
  evolve: evolveCustomerExport,
};
