import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commandHandling/commandContext.js';
import { createCommandHandler } from '../../commandHandling/commandHandler.js';
import type { EventStore } from '../../eventStore/eventStore.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, withStore } from './fixtures.js';
import { CounterEvent, counterDecider } from './counterAggregate.js';
import { permitEveryoneInTests } from '../permitEveryone.js';

/** A counter that allows one increment, so a second decision on the same stream is refused. */
const counters = (store: EventStore) =>
  createCommandHandler({
    authorize: permitEveryoneInTests(),
    store,
    decider: counterDecider(1),
    eventCodec: CounterEvent,
    streamName: (command) => `Counter-${command.id}`,
  });

const context = (commandId: string): CommandContext => ({
  commandId,
  actor: { id: 'tester', role: 'administrator' },
  occurredAt: '2026-03-03T09:15:00Z',
});

/**
 * The store as a second writer sees it: `race` (the first writer handling the same command) runs
 * right after the second writer's load has answered, or right before its append reaches the
 * store, so the second writer decides on what it read before the first writer's append landed.
 */
const raced = (
  store: EventStore,
  lateAt: 'load' | 'append',
  race: () => Promise<unknown>,
): EventStore => {
  let pending: (() => Promise<unknown>) | undefined = race;
  const runRace = async () => {
    const run = pending;
    pending = undefined;
    await run?.();
  };
  return {
    engineName: store.engineName,
    appendToStream: async (stream, events, options) => {
      if (lateAt === 'append') await runRace();
      return store.appendToStream(stream, events, options);
    },
    readStream: (stream, options) =>
      lateAt === 'load'
        ? (async function* () {
            const events = await collect(store.readStream(stream, options));
            await runRace();
            yield* events;
          })()
        : store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    streamRevision: (stream) => store.streamRevision(stream),
    headPosition: () => store.headPosition(),
    findCommandResult: (commandId) => store.findCommandResult(commandId),
    close: () => store.close(),
  };
};

/** Two handlers given the same command id at once (a retried request racing its original). */
export const registerCommandRaceContract = (open: OpenEventStore): void => {
  describe('idempotency when two writers race with one command id', () => {
    for (const lateAt of ['load', 'append'] as const) {
      it(`answers done to both when the first append lands ${lateAt === 'load' ? "after the second writer's load" : "just before the second writer's append"}`, () =>
        withStore(open, async (store) => {
          const id = uuidv7();
          const commandId = uuidv7();
          const command = { kind: 'increment', id, by: 1 } as const;
          const first: { outcome?: Awaited<ReturnType<ReturnType<typeof counters>['handle']>> } =
            {};
          const second = await counters(
            raced(store, lateAt, async () => {
              first.outcome = await counters(store).handle(command, context(commandId));
            }),
          ).handle(command, context(commandId));
          expect(first.outcome).toMatchObject(E.right({ duplicate: false, state: 1 }));
          expect(E.isRight(second) && second.right).toMatchObject({ duplicate: true, state: 1 });
          expect(await collect(store.readAll())).toHaveLength(1);
        }));
    }
  });
};
