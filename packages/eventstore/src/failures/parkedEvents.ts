import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { RecordedEvent } from '../envelope/envelope.js';
import { formatValidationErrors } from '../envelope/decodeErrors.js';
import type { EventStore } from '../eventStore/eventStore.js';

/** An event a runner gave up on and set aside, to be retried later. */
export interface ParkedEvent {
  readonly eventId: string;
  readonly streamName: string;
  readonly streamRevision: bigint;
  readonly type: string;
  readonly reason: string;
  readonly attempts: number;
  readonly parkedAt: string;
}

const Parked = t.type({
  type: t.literal('EventParked'),
  data: t.type({
    eventId: t.string,
    streamName: t.string,
    streamRevision: t.string,
    type: t.string,
    reason: t.string,
    attempts: t.number,
  }),
});
const Retried = t.type({
  type: t.literal('ParkedEventRetried'),
  data: t.type({ eventId: t.string }),
});
const ParkingEvent = t.union([Parked, Retried]);

/** The parked events of one runner, kept in the event store itself (`Parked-<runner>`). */
export interface ParkedEventLog {
  /** Every event parked and not retried since, oldest first. */
  list(): Promise<readonly ParkedEvent[]>;
  park(event: RecordedEvent, reason: string, attempts: number): Promise<void>;
  markRetried(eventId: string): Promise<void>;
}

/**
 * A runner's parked events as a stream of the log: durable on every engine, and auditable (what
 * was set aside, why, after how many tries, and when it was retried). Pass the hash-chained store
 * when the log is chained, so `verify` finds these events linked too.
 *
 * @example
 * const parked = createParkedEventLog({ store, runner: 'commission-accrual' });
 */
export const createParkedEventLog = (options: {
  readonly store: EventStore;
  readonly runner: string;
  /** Business time of a record; defaults to the system clock. */
  readonly now?: () => string;
}): ParkedEventLog => {
  const streamName = `Parked-${options.runner}`;
  const now = options.now ?? (() => new Date().toISOString());
  const record = async (event: t.TypeOf<typeof ParkingEvent>): Promise<void> => {
    const commandId = uuidv7();
    const appended = await options.store.appendToStream(streamName, [
      {
        ...event,
        eventId: uuidv7(),
        metadata: {
          occurredAt: now(),
          actor: { id: `runner:${options.runner}`, role: 'system' },
          correlationId: commandId,
          causationId: 'eventId' in event.data ? event.data.eventId : null,
          commandId,
          schemaVersion: 1,
        },
      },
    ]);
    if (E.isLeft(appended)) throw new Error(`cannot record in ${streamName}: conflict`);
  };
  const list = async (): Promise<readonly ParkedEvent[]> => {
    const pending = new Map<string, ParkedEvent>();
    for await (const stored of options.store.readStream(streamName)) {
      const decoded = ParkingEvent.decode({ type: stored.type, data: stored.data });
      if (E.isLeft(decoded)) {
        throw new TypeError(`${streamName}: ${formatValidationErrors(decoded.left).join('; ')}`);
      }
      const event = decoded.right;
      if (event.type === 'ParkedEventRetried') pending.delete(event.data.eventId);
      else
        pending.set(event.data.eventId, {
          ...event.data,
          streamRevision: BigInt(event.data.streamRevision),
          parkedAt: stored.metadata.occurredAt,
        });
    }
    return [...pending.values()];
  };
  return {
    list,
    park: (event, reason, attempts) =>
      record({
        type: 'EventParked',
        data: {
          eventId: event.eventId,
          streamName: event.streamName,
          streamRevision: event.streamRevision.toString(),
          type: event.type,
          reason,
          attempts,
        },
      }),
    markRetried: (eventId) => record({ type: 'ParkedEventRetried', data: { eventId } }),
  };
};
