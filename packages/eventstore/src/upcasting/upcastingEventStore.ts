import type { RecordedEvent } from '../envelope/envelope.js';
import type { EventStore, Subscription, SubscriptionMessage } from '../eventStore/eventStore.js';
import type { UpcasterRegistry } from './upcasterRegistry.js';

async function* upcastEach(
  events: AsyncIterable<RecordedEvent>,
  upcasters: UpcasterRegistry,
): AsyncIterable<RecordedEvent> {
  for await (const event of events) yield upcasters.upcast(event);
}

const upcastSubscription = (
  subscription: Subscription,
  upcasters: UpcasterRegistry,
): Subscription => ({
  stop: () => subscription.stop(),
  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    for await (const message of subscription) {
      yield message.kind === 'event'
        ? { kind: 'event', event: upcasters.upcast(message.event) }
        : message;
    }
  },
});

/**
 * A view of `store` whose reads (streams, the global log, subscriptions) return every event in
 * its current shape, through `upcasters`. Appends pass through untouched and nothing stored is
 * rewritten, so hash chains and seals stay valid: put it outside the hash chain and the
 * decryption (upcasters see decrypted fields), and verify the chain on the store beneath.
 *
 * @example
 * const store = withUpcasting(withPersonalDataEncryption(withHashChain(engine), privacy), upcasters);
 */
export const withUpcasting = (store: EventStore, upcasters: UpcasterRegistry): EventStore => ({
  engineName: store.engineName,
  appendToStream: (streamName, events, options) =>
    store.appendToStream(streamName, events, options),
  readStream: (streamName, options) => upcastEach(store.readStream(streamName, options), upcasters),
  readAll: (options) => upcastEach(store.readAll(options), upcasters),
  subscribeToAll: (options) => upcastSubscription(store.subscribeToAll(options), upcasters),
  streamRevision: (streamName) => store.streamRevision(streamName),
  headPosition: () => store.headPosition(),
  findCommandResult: (commandId) => store.findCommandResult(commandId),
  close: () => store.close(),
});
