import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope/envelope.js';
import { createCommandHandler } from '../commandHandling/commandHandler.js';
import { comparePositions } from '../envelope/position.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { CounterEvent, counterDecider } from '../testing/contract/counterAggregate.js';
import { collect, testEvent } from '../testing/contract/fixtures.js';
import { createInMemoryCheckpointStore } from './checkpointStore.js';
import { deriveId } from './deterministicId.js';
import { createReactorRunner } from './reactorRunner.js';
import { permitEveryoneInTests } from '../testing/permitEveryone.js';

/** A reactor that counts every "Payment" by incrementing a tally aggregate. */
const tallyReactor = () => {
  const store = createInMemoryEventStore();
  const checkpoints = createInMemoryCheckpointStore();
  const tallies = createCommandHandler({
    authorize: permitEveryoneInTests(),
    store,
    decider: counterDecider(1_000),
    eventCodec: CounterEvent,
    streamName: (command) => `Counter-${command.id}`,
  });
  const react = async (event: RecordedEvent) => {
    const result = await tallies.handle(
      { kind: 'increment', id: 'payments', by: 1 },
      {
        commandId: deriveId(event.eventId, 'tally'),
        actor: { id: 'reactor:tally', role: 'system' },
        occurredAt: event.metadata.occurredAt,
        causationId: event.eventId,
      },
    );
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  };
  const runner = (name = 'tally') =>
    createReactorRunner({
      name,
      store,
      checkpoints,
      react,
      filter: { eventTypes: ['Payment'] },
      checkpointEvery: 2,
    });
  return { store, checkpoints, tallies, runner, react };
};

describe('reactor runner', () => {
  it('processes what is in the log and resumes from its checkpoint', async () => {
    const { store, tallies, runner } = tallyReactor();
    for (let i = 0; i < 3; i += 1) await store.appendToStream('Invoice-1', [testEvent('Payment')]);
    expect(await runner().catchUp()).toBe(3);
    await store.appendToStream('Invoice-1', [testEvent('Payment')]);
    expect(await runner().catchUp()).toBe(1);
    expect((await tallies.load('Counter-payments')).state).toBe(4);
    expect((await runner().status()).caughtUp).toBe(true);
  });

  it('creates nothing twice when an event is delivered again', async () => {
    const { store, tallies, runner, react } = tallyReactor();
    await store.appendToStream('Invoice-1', [testEvent('Payment'), testEvent('Payment')]);
    await runner().catchUp();
    const [first] = await collect(store.readAll({ filter: { eventTypes: ['Payment'] } }));
    await react(first!);
    expect(await runner('replay-from-scratch').catchUp()).toBe(2);
    expect((await tallies.load('Counter-payments')).state).toBe(2);
  });

  it('follows the log live until stopped, and saves where it got to', async () => {
    const { store, checkpoints, tallies, runner } = tallyReactor();
    const live = runner();
    const running = live.run();
    const appended = await store.appendToStream('Invoice-1', [testEvent('Payment')]);
    for (let i = 0; i < 200 && (await tallies.load('Counter-payments')).state < 1; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await live.stop();
    await running;
    expect((await tallies.load('Counter-payments')).state).toBe(1);
    // Saved at or past the payment, so a restart never handles it again, and within the log.
    const saved = await checkpoints.load('tally');
    const head = await store.headPosition();
    if (E.isLeft(appended) || saved === undefined || head === undefined)
      throw new Error('expected an appended payment, a saved checkpoint and a log head');
    expect(comparePositions(saved, appended.right.position)).toBeGreaterThanOrEqual(0);
    expect(comparePositions(saved, head)).toBeLessThanOrEqual(0);
  });

  it('derives the same id from the same event and purpose, and different ids otherwise', () => {
    const eventId = '0193a000-0000-7000-8000-000000000000';
    expect(deriveId(eventId, 'customer')).toBe(deriveId(eventId, 'customer'));
    expect(deriveId(eventId, 'customer')).not.toBe(deriveId(eventId, 'opportunity'));
    expect(() => deriveId('not-a-uuid', 'customer')).toThrow(/not a uuid/);
  });
});
