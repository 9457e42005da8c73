import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../eventStore/eventStore.js';
import { createCommandHandler } from '../commandHandling/commandHandler.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { CounterEvent, counterDecider } from '../testing/contract/counterAggregate.js';
import { createInMemorySnapshotStore } from './snapshotStore.js';
import { crossesSnapshotBoundary } from './snapshotPolicy.js';
import { permitEveryoneInTests } from '../testing/permitEveryone.js';

/** Counts the stream reads and the revision each started from. */
const countingStore = (store: EventStore) => {
  const reads: (bigint | string | undefined)[] = [];
  const counted: EventStore = {
    ...store,
    readStream: (name, options) => {
      reads.push(options?.fromRevision);
      return store.readStream(name, options);
    },
  };
  return { counted, reads };
};

const handlerWith = (
  store: EventStore,
  snapshots = createInMemorySnapshotStore(),
  stateVersion = 'counter@1',
) =>
  createCommandHandler({
    authorize: permitEveryoneInTests(),
    store,
    decider: counterDecider(10_000),
    eventCodec: CounterEvent,
    streamName: (command) => `Counter-${command.id}`,
    snapshots: { store: snapshots, stateVersion, stateCodec: t.number, every: 5 },
  });

let sequence = 0;
const ctx = () => ({
  commandId: `01939e4c-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor: { id: 'rep', role: 'sales_rep' },
  occurredAt: '2026-03-03T09:15:00Z',
});

describe('snapshots', () => {
  it('are taken every N events and make loading replay only the events after them', async () => {
    const snapshots = createInMemorySnapshotStore();
    const { counted, reads } = countingStore(createInMemoryEventStore());
    const handler = handlerWith(counted, snapshots);
    for (let i = 0; i < 12; i += 1)
      await handler.handle({ kind: 'increment', id: 'a', by: 1 }, ctx());
    expect(await snapshots.load('Counter-a', 'counter@1')).toEqual({ revision: 9n, state: 10 });
    reads.length = 0;
    expect(await handler.load('Counter-a')).toEqual({ state: 12, revision: 11n });
    expect(reads).toEqual([10n]);
  });

  it('are ignored once the state version changes', async () => {
    const snapshots = createInMemorySnapshotStore();
    const store = createInMemoryEventStore();
    const v1 = handlerWith(store, snapshots, 'counter@1');
    for (let i = 0; i < 5; i += 1) await v1.handle({ kind: 'increment', id: 'a', by: 2 }, ctx());
    await snapshots.save('Counter-a', 'counter@1', { revision: 4n, state: 999 });
    expect((await handlerWith(store, snapshots, 'counter@2').load('Counter-a')).state).toBe(10);
    expect((await v1.load('Counter-a')).state).toBe(999);
  });

  it('can be taken on demand, and a retried command stays a no-op past a snapshot', async () => {
    const snapshots = createInMemorySnapshotStore();
    const store = createInMemoryEventStore();
    const handler = handlerWith(store, snapshots);
    const first = ctx();
    await handler.handle({ kind: 'increment', id: 'a', by: 1 }, first);
    await handler.handle({ kind: 'increment', id: 'a', by: 1 }, ctx());
    await handler.snapshot('Counter-a');
    expect(await snapshots.load('Counter-a', 'counter@1')).toEqual({ revision: 1n, state: 2 });
    const retried = await handler.handle({ kind: 'increment', id: 'a', by: 1 }, first);
    expect(E.isRight(retried) && retried.right).toMatchObject({ duplicate: true, state: 2 });
  });

  it('are due when an append crosses a multiple of N', () => {
    expect(crossesSnapshotBoundary(100, 99n, 100n)).toBe(true);
    expect(crossesSnapshotBoundary(100, 98n, 150n)).toBe(true);
    expect(crossesSnapshotBoundary(100, 100n, 199n)).toBe(false);
    expect(crossesSnapshotBoundary(0, 0n, 1000n)).toBe(false);
  });
});
