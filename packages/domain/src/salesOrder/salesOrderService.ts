import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import type { CreditExposureLookup } from '../invoice/invoiceService.js';
import type { CreditPolicy } from '../invoice/values.js';
import type { SalesOrderCommandInput } from './commands.js';
import { SalesOrderCommand } from './commands.js';
import { salesOrderDecider } from './decide.js';
import type { SalesOrderError } from './errors.js';
import { SalesOrderEvent } from './events.js';
import type { SalesOrderState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { SALES_ORDER_STATE_VERSION, SalesOrderStateCodec } from './stateCodec.js';

/** The stream of a sales order. */
export const salesOrderStream = (orderId: string): string => streamName('SalesOrder', orderId);

/** Options of {@link createSalesOrderService}. */
export interface SalesOrderServiceOptions {
  readonly newEventId?: () => string;
  /** When set, orders without their own `creditCheck` are checked against it, as invoices are. */
  readonly creditExposure?: CreditExposureLookup;
  /** Defaults to `warn`. */
  readonly creditPolicy?: CreditPolicy;
  /** Who may do what: checked against the loaded order before every decision. */
  readonly authorize: CommandAuthorizer<SalesOrderCommand, SalesOrderState>;
  /** Snapshot each order every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The SalesOrder write side. */
export interface SalesOrderService extends CommandEntry<
  SalesOrderEvent,
  SalesOrderState,
  SalesOrderError,
  SalesOrderCommandInput
> {
  load(orderId: string): Promise<SalesOrderState>;
}

/**
 * The typed entry point of the SalesOrder aggregate: decodes input, records the customer's credit
 * facts in a new order (so the decision stays pure and the facts are kept), then handles it.
 */
export const createSalesOrderService = (
  store: EventStore,
  options: SalesOrderServiceOptions,
): SalesOrderService => {
  const handler = createCommandHandler({
    store,
    decider: salesOrderDecider,
    eventCodec: SalesOrderEvent,
    streamName: (command) => salesOrderStream(command.orderId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(options.snapshots, SALES_ORDER_STATE_VERSION, SalesOrderStateCodec),
  });
  const { creditExposure } = options;
  const handle: SalesOrderService['handle'] = async (input, context) => {
    const decoded = decodeCommand(SalesOrderCommand, input);
    if (E.isLeft(decoded)) return decoded;
    let command = decoded.right;
    if (
      command.kind === 'PlaceOrder' &&
      command.creditCheck === undefined &&
      creditExposure !== undefined
    ) {
      const exposure = await creditExposure(command.customerId, command.currency);
      if (exposure !== undefined) {
        command = {
          ...command,
          creditCheck: { ...exposure, policy: options.creditPolicy ?? 'warn' },
        };
      }
    }
    return E.mapLeft(entryFailure<SalesOrderError>)(await handler.handle(command, context));
  };
  return {
    handle,
    send: handle,
    load: async (orderId) => (await handler.load(salesOrderStream(orderId))).state,
  };
};
