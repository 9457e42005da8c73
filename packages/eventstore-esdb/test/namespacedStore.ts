import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  RecordedEvent,
  SubscriptionMessage,
} from '@clientele/eventstore';
import { wrongExpectedRevision } from '@clientele/eventstore';

/**
 * One EventStoreDB server has one `$all`, but the contract suite wants a fresh, empty store per
 * test. This view gives each test its own slice of the real engine: its stream names carry a
 * unique prefix on the server, and it reads only streams with that prefix (with the prefix taken
 * off again). Every call still goes to the real engine; nothing is simulated.
 */
export const namespacedStore = (inner: EventStore, namespace: string): EventStore => {
  const onServer = (streamName: string) => `${namespace}${streamName}`;
  const local = (streamName: string) => streamName.slice(namespace.length);
  const localEvent = (event: RecordedEvent): RecordedEvent => ({
    ...event,
    streamName: local(event.streamName),
  });
  const localResult = (result: AppendResult): AppendResult => ({
    ...result,
    streamName: local(result.streamName),
  });
  const serverFilter = (filter: EventFilter | undefined): EventFilter => ({
    ...filter,
    streamNamePrefixes: (filter?.streamNamePrefixes ?? ['']).map(onServer),
  });
  return {
    engineName: inner.engineName,
    async appendToStream(streamName, events, options) {
      const result = await inner.appendToStream(onServer(streamName), events, options);
      return E.isRight(result)
        ? E.right(localResult(result.right))
        : E.left(wrongExpectedRevision(streamName, result.left.expected, result.left.actual));
    },
    async *readStream(streamName, options) {
      for await (const event of inner.readStream(onServer(streamName), options)) {
        yield localEvent(event);
      }
    },
    async *readAll(options = {}) {
      for await (const event of inner.readAll({
        ...options,
        filter: serverFilter(options.filter),
      })) {
        yield localEvent(event);
      }
    },
    subscribeToAll(options = {}) {
      const subscription = inner.subscribeToAll({
        ...options,
        filter: serverFilter(options.filter),
      });
      return {
        async *[Symbol.asyncIterator](): AsyncGenerator<SubscriptionMessage> {
          for await (const message of subscription) {
            yield message.kind === 'event'
              ? { ...message, event: localEvent(message.event) }
              : message;
          }
        },
        stop: () => subscription.stop(),
      };
    },
    streamRevision: (streamName) => inner.streamRevision(onServer(streamName)),
    async headPosition() {
      for await (const event of inner.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: serverFilter(undefined),
      })) {
        return event.position;
      }
      return undefined;
    },
    async findCommandResult(commandId) {
      const result = await inner.findCommandResult(commandId);
      return result === undefined ? undefined : localResult(result);
    },
    close: () => inner.close(),
  };
};
