import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  CommandContext,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { DecodeError, createReactorRunner, deriveId, systemActor } from '@clientele/eventstore';
import { QuoteAccepted } from '../quote/events.js';
import type { SalesOrderService } from '../salesOrder/salesOrderService.js';
import type { ContractService } from '../contract/contractService.js';

/** Options of {@link createQuoteToOrderReactor}. */
export interface QuoteToOrderOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly orders: SalesOrderService;
  /** Where subscription quotes become contracts. */
  readonly contracts: ContractService;
  /** The checkpoint name; defaults to `quote-to-order`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions;
}

/** The quote-to-order process manager. */
export interface QuoteToOrderReactor {
  readonly runner: ReactorRunner;
  /**
   * Handles one `QuoteAccepted` event and answers the order it placed, or the contract it
   * started for a subscription quote; safe to call again with the same event.
   */
  react(event: RecordedEvent): Promise<AcceptedQuoteOutcome>;
}

/** What an accepted quote became. */
export type AcceptedQuoteOutcome =
  | { readonly kind: 'order'; readonly orderId: string }
  | { readonly kind: 'contract'; readonly contractId: string };

/** The id of the contract an accepted subscription quote becomes. */
export const contractIdFor = (acceptedEventId: string): string =>
  deriveId(acceptedEventId, 'contract');

/** The id of the order an accepted quote becomes: derived from the acceptance event. */
export const orderIdFor = (acceptedEventId: string): string =>
  deriveId(acceptedEventId, 'sales-order');

/**
 * Reacts to `QuoteAccepted`: a one-off quote becomes a sales order, a subscription quote a
 * contract, with the quote's lines and totals copied as they were accepted. The new id and the
 * command id derive from the event id, so a redelivery or a replay of the whole log finds the
 * order or contract already there.
 */
export const createQuoteToOrderReactor = (options: QuoteToOrderOptions): QuoteToOrderReactor => {
  const react = async (event: RecordedEvent): Promise<AcceptedQuoteOutcome> => {
    const decoded = QuoteAccepted.decode({ type: event.type, data: event.data });
    if (E.isLeft(decoded)) throw new DecodeError(`QuoteAccepted ${event.eventId}`, decoded.left);
    const quote = decoded.right.data;
    const context = (purpose: string): CommandContext => ({
      commandId: deriveId(event.eventId, purpose),
      actor: systemActor('reactor:quote-to-order', 'turns an accepted quote into an order'),
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      ...(event.metadata.tenantId === undefined ? {} : { tenantId: event.metadata.tenantId }),
    });
    const links = {
      quoteId: quote.quoteId,
      ...(quote.opportunityId === undefined ? {} : { opportunityId: quote.opportunityId }),
    };
    if (quote.subscription !== undefined) {
      const contractId = contractIdFor(event.eventId);
      const started = await options.contracts.handle(
        {
          kind: 'StartContract',
          contractId,
          ...links,
          customerId: quote.customerId,
          ownerId: quote.ownerId,
          currency: quote.currency,
          terms: quote.subscription,
          lines: quote.lines,
          totals: quote.totals,
        },
        context('start-contract'),
      );
      if (E.isLeft(started) && started.left.kind !== 'ContractAlreadyStarted') {
        throw new Error(
          `quote ${quote.quoteId} could not become a contract: ${JSON.stringify(started.left)}`,
        );
      }
      return { kind: 'contract', contractId };
    }
    const orderId = orderIdFor(event.eventId);
    const placed = await options.orders.handle(
      {
        kind: 'PlaceOrder',
        orderId,
        ...links,
        customerId: quote.customerId,
        ownerId: quote.ownerId,
        currency: quote.currency,
        orderedOn: quote.acceptedOn,
        lines: quote.lines,
        totals: quote.totals,
      },
      context('place-order'),
    );
    // An order already placed is the same order delivered twice; anything else is a fault that
    // stops the runner, to be resumed once mended, rather than a quote silently without order.
    if (E.isLeft(placed) && placed.left.kind !== 'OrderAlreadyPlaced') {
      throw new Error(
        `quote ${quote.quoteId} could not become an order: ${JSON.stringify(placed.left)}`,
      );
    }
    return { kind: 'order', orderId };
  };

  const runner = createReactorRunner({
    name: options.name ?? 'quote-to-order',
    store: options.store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ['QuoteAccepted'] },
    react: async (event) => {
      await react(event);
    },
    lease: options.lease,
  });
  return { runner, react };
};
