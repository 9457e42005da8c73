import type { AsOf, EventStore, RecordedEvent } from '@clientele/eventstore';
import {
  createCommandHandler,
  eventsAsOf,
  streamName,
  trustedSystemWork,
} from '@clientele/eventstore';
import type { CustomerState } from '@clientele/domain';
import { CustomerEvent, customerDecider } from '@clientele/domain';

/** One line of a customer's history, as an auditor reads it. */
export interface TimelineEntry {
  /** When it happened (business time). */
  readonly occurredAt: string;
  /** When the system learned of it. */
  readonly recordedAt: string;
  readonly type: string;
  readonly stream: string;
  /** Who did it, in which role. */
  readonly actor: string;
  /** What caused it: the event or command it followed from, if any. */
  readonly causationId: string | null;
}

/** What the CRM held about a customer at a moment: the state and every event behind it. */
export interface CustomerAsOf {
  readonly state: CustomerState;
  readonly timeline: readonly TimelineEntry[];
}

/** Whether an event touched the customer: their own stream, or any event naming them. */
const touches = (customerId: string) => (event: RecordedEvent) =>
  event.streamName === streamName('Customer', customerId) ||
  (typeof event.data === 'object' &&
    event.data !== null &&
    (event.data as { customerId?: unknown }).customerId === customerId);

/**
 * Reconstructs one customer as of a moment, in either meaning: `{ knownAt }` answers "what did we
 * know on 3 March?" (events recorded by then), `{ effectiveAt }` answers "what had happened by
 * 3 March, as we know it today?". The state comes from the Customer stream; the timeline from
 * every stream (leads, opportunities, tickets, invoices) that names the customer.
 */
export const whatWasKnown = async (
  store: EventStore,
  customerId: string,
  asOf: AsOf,
): Promise<CustomerAsOf> => {
  const customers = createCommandHandler({
    store,
    decider: customerDecider,
    eventCodec: CustomerEvent,
    streamName: () => streamName('Customer', customerId),
    // Only `loadAsOf` is used: the replay sends no command, and no user could through it.
    authorize: trustedSystemWork(),
  });
  const { state } = await customers.loadAsOf(streamName('Customer', customerId), asOf);
  const timeline: TimelineEntry[] = [];
  const touched = touches(customerId);
  for await (const event of eventsAsOf(store.readAll(), asOf)) {
    if (!touched(event)) continue;
    timeline.push({
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      type: event.type,
      stream: event.streamName,
      actor: `${event.metadata.actor.id} (${event.metadata.actor.role})`,
      causationId: event.metadata.causationId,
    });
  }
  return { state, timeline };
};
