import {
  CustomerEvent,
  type CustomerState,
  evolveCustomer,
  initialCustomerState,
} from '@clientele/domain';
import {
  type AsOf,
  type EventStore,
  type RecordedEvent,
  comparePositions,
  isWithin,
  parsePosition,
  positionToString,
} from '@clientele/eventstore';
import { activeDocument } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { domainEventDecoder } from '../domainEvent.js';
import { SaleCommissionsDocument } from './saleCommissionsProjection.js';
import { TimelineDocument, timelineKey } from './timelineProjection.js';

/** One line of a customer's timeline: what happened, where, when, and who did it. */
export interface TimelineEntry {
  readonly position: string;
  readonly streamName: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  /** The event or command that caused it; null for a user's own action. */
  readonly causationId: string | null;
  readonly data: unknown;
}

const collect = async (
  events: AsyncIterable<RecordedEvent>,
  within: (e: RecordedEvent) => boolean,
) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) if (within(event)) all.push(event);
  return all;
};

/** The commission events that name a sale stream (an invoice or an opportunity), read by position. */
const commissionEventsOf = async (
  readModels: ReadModelStore,
  events: EventStore,
  stream: string,
  within: (e: RecordedEvent) => boolean,
): Promise<RecordedEvent[]> => {
  if (!stream.startsWith('Invoice-') && !stream.startsWith('Opportunity-')) return [];
  const links = await activeDocument(
    readModels,
    'saleCommissions',
    SaleCommissionsDocument,
    stream,
  );
  const found: RecordedEvent[] = [];
  for (const text of links?.positions ?? []) {
    const at = parsePosition(text);
    if (at._tag === 'Left')
      throw new Error(`stored commission link of ${stream} is corrupt: ${at.left}`);
    for await (const event of events.readAll({ fromPosition: at.right, maxCount: 1 })) {
      if (within(event)) found.push(event);
    }
  }
  return found;
};

/**
 * Every event that touched one customer, across all its streams (and the commission events that
 * name its invoices and opportunities), in log order, with actor and time; optionally only the history as of a moment (as known then, or as effective then).
 */
export const customerTimeline = async (
  readModels: ReadModelStore,
  events: EventStore,
  customerId: string,
  asOf?: AsOf,
): Promise<TimelineEntry[]> => {
  const doc = await activeDocument(
    readModels,
    'customerTimeline',
    TimelineDocument,
    timelineKey(customerId),
  );
  const within = asOf === undefined ? () => true : isWithin(asOf);
  const streams = doc?.streams ?? [];
  const perStream = await Promise.all(
    streams.map((stream) => collect(events.readStream(stream), within)),
  );
  const commissions = await Promise.all(
    streams.map((stream) => commissionEventsOf(readModels, events, stream, within)),
  );
  return [...perStream, ...commissions]
    .flat()
    .sort((a, b) => comparePositions(a.position, b.position))
    .map((event) => ({
      position: positionToString(event.position),
      streamName: event.streamName,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      causationId: event.metadata.causationId,
      data: event.data,
    }));
};

const decodeCustomerEvent = domainEventDecoder(CustomerEvent);

/** The customer's state as of a moment, in either meaning of "as of", folded with the domain's evolve. */
export const customerStateAsOf = async (
  events: EventStore,
  customerId: string,
  asOf: AsOf,
): Promise<CustomerState> => {
  const within = isWithin(asOf);
  let state = initialCustomerState;
  for await (const event of events.readStream(`Customer-${customerId}`)) {
    const decoded = within(event) ? decodeCustomerEvent(event) : undefined;
    if (decoded !== undefined) state = evolveCustomer(state, decoded);
  }
  return state;
};
