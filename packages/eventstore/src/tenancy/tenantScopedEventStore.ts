import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { EventStore, Subscription } from '../eventStore/eventStore.js';
import { NO_STREAM } from '../envelope/revision.js';

/** Refused: the stream already holds another tenant's events. Nothing was written. */
export class TenantIsolationError extends Error {
  override readonly name = 'TenantIsolationError';
  constructor(
    readonly tenantId: string,
    readonly streamName: string,
  ) {
    super(
      `tenant ${tenantId} may not append to ${streamName}: the stream belongs to another tenant`,
    );
  }
}

const belongsTo = (tenantId: string) => (event: RecordedEvent) =>
  event.metadata.tenantId === tenantId;

/**
 * One tenant's view of a shared store. Appends are stamped with `tenantId` (an event naming another
 * tenant is refused); every read, the subscription included, returns only this tenant's events,
 * so a stream of another tenant looks as if it did not exist; an append to such a stream throws
 * {@link TenantIsolationError}. Command ids (idempotency keys) are scoped to the tenant. Works on every engine, because it relies only on the port.
 */
export const forTenant = (store: EventStore, tenantId: string): EventStore => {
  const own = belongsTo(tenantId);
  // Command ids are kept per tenant, so one tenant's id can neither collide with nor reveal another's.
  const scoped = (commandId: string): string => `${tenantId}:${commandId}`;

  const streamOwner = async (streamName: string): Promise<string | undefined> => {
    for await (const event of store.readStream(streamName, { maxCount: 1 }))
      return event.metadata.tenantId;
    return undefined;
  };

  const stamp = (event: EventToAppend): EventToAppend => {
    const given = event.metadata.tenantId;
    if (given !== undefined && given !== tenantId) {
      throw new TypeError(
        `event ${event.eventId} names tenant ${given}, but is appended by tenant ${tenantId}`,
      );
    }
    return { ...event, metadata: { ...event.metadata, tenantId } };
  };

  async function* ownOnly(
    events: AsyncIterable<RecordedEvent>,
    maxCount = Number.POSITIVE_INFINITY,
  ) {
    let count = 0;
    for await (const event of events) {
      if (count >= maxCount) return;
      if (own(event)) {
        count += 1;
        yield event;
      }
    }
  }

  return {
    engineName: store.engineName,
    appendToStream: async (streamName, events, options) => {
      const stamped = events.map(stamp);
      const owner = await streamOwner(streamName);
      if (owner !== undefined && owner !== tenantId)
        throw new TenantIsolationError(tenantId, streamName);
      const { commandId, ...rest } = options ?? {};
      return store.appendToStream(
        streamName,
        stamped,
        commandId === undefined ? rest : { ...rest, commandId: scoped(commandId) },
      );
    },
    readStream: (streamName, options = {}) => {
      const { maxCount, ...rest } = options;
      return ownOnly(store.readStream(streamName, rest), maxCount);
    },
    readAll: (options = {}) => {
      const { maxCount, ...rest } = options;
      return ownOnly(store.readAll(rest), maxCount);
    },
    subscribeToAll: (options) => {
      const inner = store.subscribeToAll(options);
      const subscription: Subscription = {
        async *[Symbol.asyncIterator]() {
          for await (const message of inner) {
            if (message.kind === 'caughtUp' || own(message.event)) yield message;
          }
        },
        stop: () => inner.stop(),
      };
      return subscription;
    },
    streamRevision: async (streamName) => {
      const owner = await streamOwner(streamName);
      return owner === undefined || owner !== tenantId
        ? NO_STREAM
        : store.streamRevision(streamName);
    },
    headPosition: () => store.headPosition(),
    findCommandResult: (commandId) => store.findCommandResult(scoped(commandId)),
    close: () => store.close(),
  };
};
