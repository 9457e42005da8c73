import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  CommandContext,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { DecodeError, createReactorRunner, deriveId } from '@clientele/eventstore';
import { QuoteAccepted } from '../quote/events.js';
import type { SalesOrderService } from '../salesOrder/salesOrderService.js';

/** Options of {@link createQuoteToOrderReactor}. */
export interface QuoteToOrderOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly orders: SalesOrderService;
  /** The checkpoint name; defaults to `quote-to-order`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions;
}

/** The quote-to-order process manager. */
export interface QuoteToOrderReactor {
  readonly runner: ReactorRunner;
  /**
   * Handles one `QuoteAccepted` event and answers the order it placed (undefined for a
   * subscription quote, which becomes a contract); safe to call again with the same event.
   */
  react(event: RecordedEvent): Promise<string | undefined>;
}

/** The id of the order an accepted quote becomes: derived from the acceptance event. */
export const orderIdFor = (acceptedEventId: string): string =>
  deriveId(acceptedEventId, 'sales-order');

/**
 * Reacts to `QuoteAccepted` of a one-off quote by placing the sales order, with the quote's lines
 * and totals copied as they were accepted. The order id and the command id derive from the event
 * id, so a redelivery or a replay of the whole log finds the order already placed.
 */
export const createQuoteToOrderReactor = (options: QuoteToOrderOptions): QuoteToOrderReactor => {
  const react = async (event: RecordedEvent): Promise<string | undefined> => {
    const decoded = QuoteAccepted.decode({ type: event.type, data: event.data });
    if (E.isLeft(decoded)) throw new DecodeError(`QuoteAccepted ${event.eventId}`, decoded.left);
    const quote = decoded.right.data;
    if (quote.subscription !== undefined) return undefined;
    const orderId = orderIdFor(event.eventId);
    const context: CommandContext = {
      commandId: deriveId(event.eventId, 'place-order'),
      actor: { id: 'reactor:quote-to-order', role: 'system' },
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      ...(event.metadata.tenantId === undefined ? {} : { tenantId: event.metadata.tenantId }),
    };
    const placed = await options.orders.handle(
      {
        kind: 'PlaceOrder',
        orderId,
        quoteId: quote.quoteId,
        customerId: quote.customerId,
        ownerId: quote.ownerId,
        currency: quote.currency,
        orderedOn: quote.acceptedOn,
        lines: quote.lines,
        totals: quote.totals,
        ...(quote.opportunityId === undefined ? {} : { opportunityId: quote.opportunityId }),
      },
      context,
    );
    // An order already placed is the same order delivered twice; anything else is a fault that
    // stops the runner, to be resumed once mended, rather than a quote silently without order.
    if (E.isLeft(placed) && placed.left.kind !== 'OrderAlreadyPlaced') {
      throw new Error(
        `quote ${quote.quoteId} could not become an order: ${JSON.stringify(placed.left)}`,
      );
    }
    return orderId;
  };

  const runner = createReactorRunner({
    name: options.name ?? 'quote-to-order',
    store: options.store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ['QuoteAccepted'] },
    react: async (event) => {
      await react(event);
    },
    ...(options.lease === undefined ? {} : { lease: options.lease }),
  });
  return { runner, react };
};
