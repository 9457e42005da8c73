import { permitEveryoneInTests } from '../testing/permitEveryone.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../commandHandling/commandHandler.js';
import type { RecordedEvent } from '../envelope/envelope.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { createInMemorySnapshotStore } from '../snapshots/snapshotStore.js';
import { CounterEvent, counterDecider } from '../testing/contract/counterAggregate.js';
import { testEvent } from '../testing/contract/fixtures.js';
import { createUpcasterRegistry } from './upcasterRegistry.js';
import { withUpcasting } from './upcastingEventStore.js';

/** Version 1 of CounterIncremented said `amount`; version 2 says `by`. */
const renamed = createUpcasterRegistry([
  {
    type: 'CounterIncremented',
    fromVersion: 1,
    upcast: (data) => ({ by: (data as { amount: number }).amount }),
  },
]);

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const context = (commandId: string) => ({
  commandId,
  actor: { id: 'rep-1', role: 'sales_rep' },
  occurredAt: '2026-03-03T09:15:00Z',
});

describe('upcasting event store', () => {
  it('reads streams, the log and subscriptions in the current shape, and keeps the stored bytes', async () => {
    const engine = createInMemoryEventStore();
    await engine.appendToStream('Counter-a', [testEvent('CounterIncremented', { amount: 3 })]);
    const store = withUpcasting(engine, renamed);
    const [fromStream] = await collect(store.readStream('Counter-a'));
    const [fromLog] = await collect(store.readAll());
    const subscription = store.subscribeToAll();
    let fromSubscription: RecordedEvent | undefined;
    for await (const message of subscription) {
      if (message.kind === 'event') fromSubscription = message.event;
      else break;
    }
    await subscription.stop();
    for (const event of [fromStream, fromLog, fromSubscription]) {
      expect(event?.data).toEqual({ by: 3 });
      expect(event?.metadata.schemaVersion).toBe(2);
    }
    const [stored] = await collect(engine.readStream('Counter-a'));
    expect(stored?.data).toEqual({ amount: 3 });
    expect(stored?.metadata.schemaVersion).toBe(1);
  });

  it('ignores snapshots taken under another upcaster chain, since they hold state folded by other upcasters', async () => {
    const engine = createInMemoryEventStore();
    const snapshots = createInMemorySnapshotStore();
    await engine.appendToStream('Counter-a', [testEvent('CounterIncremented', { amount: 3 })]);
    const handlerWith = (upcast: (data: unknown) => unknown) =>
      createCommandHandler({
        store: engine,
        decider: counterDecider(100),
        eventCodec: CounterEvent,
        streamName: (command: { readonly id: string }) => `Counter-${command.id}`,
        authorize: permitEveryoneInTests(),
        upcasters: createUpcasterRegistry([{ type: 'CounterIncremented', fromVersion: 1, upcast }]),
        snapshots: { store: snapshots, stateVersion: 'counter@1', stateCodec: t.number, every: 0 },
      });
    // A buggy first upcaster read `amount` twice; its snapshot says 6.
    const buggy = handlerWith((data) => ({ by: (data as { amount: number }).amount * 2 }));
    expect((await buggy.snapshot('Counter-a')).state).toBe(6);
    expect((await buggy.load('Counter-a')).state).toBe(6);
    // The fixed chain gets a second step, so its fingerprint differs and the snapshot is not used.
    const fixed = createCommandHandler({
      store: engine,
      decider: counterDecider(100),
      eventCodec: CounterEvent,
      streamName: (command: { readonly id: string }) => `Counter-${command.id}`,
      authorize: permitEveryoneInTests(),
      upcasters: createUpcasterRegistry([
        { type: 'CounterIncremented', fromVersion: 1, upcast: (data) => data },
        {
          type: 'CounterIncremented',
          fromVersion: 2,
          upcast: (data) => ({ by: (data as { amount: number }).amount }),
        },
      ]),
      snapshots: { store: snapshots, stateVersion: 'counter@1', stateCodec: t.number, every: 0 },
    });
    expect((await fixed.load('Counter-a')).state).toBe(3);
    const result = await fixed.handle(
      { kind: 'increment', id: 'a', by: 1 },
      context('01939e4c-0000-7000-8000-000000000021'),
    );
    expect(result._tag === 'Right' && result.right.state).toBe(4);
  });

  it('names the chain in its fingerprint, empty when nothing is upcast', () => {
    expect(renamed.fingerprint).toBe('CounterIncremented@2');
    expect(createUpcasterRegistry([]).fingerprint).toBe('');
  });
});
