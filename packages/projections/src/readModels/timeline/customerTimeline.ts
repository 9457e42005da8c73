import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import {
  CustomerEvent,
  type CustomerState,
  evolveCustomer,
  inReadScope,
  initialCustomerState,
  outsideReadScope,
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
import type { ReadAccess } from '../../access/readAccess.js';
import { activeDocument } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { domainEventDecoder } from '../domainEvent.js';
import { SaleCommissionsDocument } from './saleCommissionsProjection.js';
import { customerDocument } from '../customers/customerList.js';
import { TimelineDocument, linkedStreamsKey, timelineKey } from './timelineProjection.js';
import { timelineVisibility } from './timelineVisibility.js';

/** One line of a customer's timeline: what happened, where, when, and who did it. */
export interface TimelineEntry {
  readonly eventId: string;
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
 * The customer's streams and, after each deal, lead or ticket stream, the activity, task and
 * appointment streams linked to that record only.
 */
const streamsOfCustomer = async (
  readModels: ReadModelStore,
  customerId: string,
): Promise<string[]> => {
  const own =
    (
      await activeDocument(
        readModels,
        'customerTimeline',
        TimelineDocument,
        timelineKey(customerId),
      )
    )?.streams ?? [];
  const linked = await Promise.all(
    own.map(
      async (stream) =>
        (
          await activeDocument(
            readModels,
            'customerTimeline',
            TimelineDocument,
            linkedStreamsKey(stream),
          )
        )?.streams ?? [],
    ),
  );
  return [...new Set([...own, ...linked.flat()])];
};

/** A customer's timeline as one actor may see it. */
export interface CustomerTimeline {
  readonly entries: readonly TimelineEntry[];
  /**
   * How many events of the customer's streams were left out because the actor may not read
   * their stream (another rep's deal, an invoice, a colleague's commission): a count, nothing more.
   */
  readonly withheld: number;
}

/**
 * Reading a customer takes `Customer.read` on its current owner (a rep their own, a manager
 * their team's): the denial names the permission and the owner otherwise.
 */
const customerReadable = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  customerId: string,
): Promise<E.Either<ReadRefusal, void>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Customer.read');
    if (E.isLeft(scope)) return scope;
    const ownerId = (await customerDocument(readModels, customerId))?.ownerId ?? null;
    return inReadScope(scope.right, ownerId, customerId)
      ? E.right(undefined)
      : E.left(outsideReadScope(scope.right, access.actor, `customer ${customerId}`, ownerId));
  });

/** Where a customer's history is read: the read models that index its streams, and the log. */
export interface CustomerHistorySource {
  readonly readModels: ReadModelStore;
  readonly events: EventStore;
}

/**
 * Every event that touched one customer, across all its streams (and the commission events that
 * name its invoices and opportunities, and the exports that included it), in log order, with
 * actor and time; optionally only the history as of a moment (as known then, or as effective
 * then). The actor needs `Customer.read` on the customer, and sees each event only under its own
 * stream's read permission and owner; the rest is counted in `withheld`.
 */
export const customerTimeline = async (
  source: CustomerHistorySource,
  access: ReadAccess,
  customerId: string,
  asOf?: AsOf,
): Promise<E.Either<ReadRefusal, CustomerTimeline>> =>
  answerUnbuilt(async () => {
    const { readModels, events } = source;
    const readable = await customerReadable(readModels, access, customerId);
    if (E.isLeft(readable)) return readable;
    const within = asOf === undefined ? () => true : isWithin(asOf);
    const streams = await streamsOfCustomer(readModels, customerId);
    const perStream = await Promise.all(
      streams.map((stream) => collect(events.readStream(stream), within)),
    );
    const commissions = await Promise.all(
      streams.map((stream) => commissionEventsOf(readModels, events, stream, within)),
    );
    const visible = timelineVisibility(readModels, access, customerId);
    const all = [...perStream, ...commissions]
      .flat()
      .sort((a, b) => comparePositions(a.position, b.position));
    const shown: RecordedEvent[] = [];
    for (const event of all) if (await visible(event)) shown.push(event);
    const entries = shown.map((event): TimelineEntry => ({
      eventId: event.eventId,
      position: positionToString(event.position),
      streamName: event.streamName,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      causationId: event.metadata.causationId,
      data: event.data,
    }));
    return E.right({ entries, withheld: all.length - shown.length });
  });

const decodeCustomerEvent = domainEventDecoder(CustomerEvent);

/**
 * The customer's state as of a moment, in either meaning of "as of", folded with the domain's
 * evolve. The actor needs `Customer.read` on the customer's current owner.
 */
export const customerStateAsOf = async (
  source: CustomerHistorySource,
  access: ReadAccess,
  customerId: string,
  asOf: AsOf,
): Promise<E.Either<ReadRefusal, CustomerState>> =>
  answerUnbuilt(async () => {
    const { readModels, events } = source;
    const readable = await customerReadable(readModels, access, customerId);
    if (E.isLeft(readable)) return readable;
    const within = isWithin(asOf);
    let state = initialCustomerState;
    for await (const event of events.readStream(`Customer-${customerId}`)) {
      const decoded = within(event) ? decodeCustomerEvent(event) : undefined;
      if (decoded !== undefined) state = evolveCustomer(state, decoded);
    }
    return E.right(state);
  });
