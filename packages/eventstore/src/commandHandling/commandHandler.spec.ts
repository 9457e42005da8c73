import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../eventStore/eventStore.js';
import { createInMemoryEventStore } from '../inMemory/inMemoryEventStore.js';
import { CounterEvent, counterDecider } from '../testing/contract/counterAggregate.js';
import { testEvent } from '../testing/contract/fixtures.js';
import { createUpcasterRegistry } from '../upcasting/upcasterRegistry.js';
import { createCommandHandler } from './commandHandler.js';
import { permitEveryoneInTests } from '../testing/permitEveryone.js';

const context = (commandId: string) => ({
  commandId,
  actor: { id: 'rep-1', role: 'sales_rep' },
  occurredAt: '2026-03-03T09:15:00Z',
});

const handlerFor = (store: EventStore, maxAttempts = 3) =>
  createCommandHandler({
    authorize: permitEveryoneInTests(),
    store,
    decider: counterDecider(100),
    eventCodec: CounterEvent,
    streamName: (command) => `Counter-${command.id}`,
    maxAttempts,
  });

/** A store whose stream always moves on just before our append: every attempt conflicts. */
const alwaysRacedStore = (): EventStore => {
  const store = createInMemoryEventStore();
  return {
    ...store,
    appendToStream: async (stream, events, options) => {
      await store.appendToStream(stream, [testEvent('CounterIncremented', { by: 1 })]);
      return store.appendToStream(stream, events, options);
    },
  };
};

describe('command handler', () => {
  it('gives up after maxAttempts conflicts and reports the last one', async () => {
    const result = await handlerFor(alwaysRacedStore(), 3).handle(
      { kind: 'increment', id: 'a', by: 1 },
      context('01939e4c-0000-7000-8000-000000000001'),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'Conflict',
      attempts: 3,
      conflict: { streamName: 'Counter-a', kind: 'WrongExpectedRevision' },
    });
  });

  it('returns a command that changes nothing without appending', async () => {
    const store = createInMemoryEventStore();
    const result = await handlerFor(store).handle(
      { kind: 'reset', id: 'a' },
      context('01939e4c-0000-7000-8000-000000000002'),
    );
    expect(E.isRight(result) && result.right).toMatchObject({
      events: [],
      appended: undefined,
      state: 0,
    });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('fails loudly, naming stream and revision, when a stored event no longer decodes', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('Counter-a', [testEvent('CounterIncremented', { by: 'two' })]);
    await expect(handlerFor(store).load('Counter-a')).rejects.toThrow(
      /stored event CounterIncremented at Counter-a@0 is not valid: data.by: expected number, got "two"/,
    );
  });

  it('upcasts stored events before decoding them and stamps new events with the current version', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('Counter-a', [testEvent('CounterIncremented', { amount: 4 })]);
    const upcasters = createUpcasterRegistry([
      {
        type: 'CounterIncremented',
        fromVersion: 1,
        upcast: (data) => ({ by: (data as { amount: number }).amount }),
      },
    ]);
    const handler = createCommandHandler({
      authorize: permitEveryoneInTests(),
      store,
      decider: counterDecider(100),
      eventCodec: CounterEvent,
      streamName: (command) => `Counter-${command.id}`,
      upcasters,
    });
    const result = await handler.handle(
      { kind: 'increment', id: 'a', by: 1 },
      context('01939e4c-0000-7000-8000-000000000003'),
    );
    expect(E.isRight(result) && result.right.state).toBe(5);
    const events = [];
    for await (const event of store.readStream('Counter-a')) events.push(event);
    expect(events[1]?.metadata.schemaVersion).toBe(2);
  });
});

describe('command handler authorization', () => {
  it('checks the actor against the loaded state before deciding, and appends nothing when denied', async () => {
    const store = createInMemoryEventStore();
    const handler = createCommandHandler({
      store,
      decider: counterDecider(100),
      eventCodec: CounterEvent,
      streamName: (command) => `Counter-${command.id}`,
      authorize: (_command, count, ctx) =>
        ctx.actor.role === 'auditor' || count >= 3
          ? E.left({
              kind: 'AuthorizationDenied',
              permission: 'counter:increment',
              actorId: ctx.actor.id,
              role: ctx.actor.role,
              reason: 'auditors read and never change',
            })
          : E.right(undefined),
    });
    const auditor = {
      ...context('01939e4c-0000-7000-8000-000000000010'),
      actor: { id: 'aud-1', role: 'auditor' },
    };
    const denied = await handler.handle({ kind: 'increment', id: 'a', by: 1 }, auditor);
    expect(denied).toEqual(
      E.left({
        kind: 'Forbidden',
        denial: expect.objectContaining({ permission: 'counter:increment', actorId: 'aud-1' }),
      }),
    );
    expect(await store.headPosition()).toBeUndefined();
    const allowed = await handler.handle(
      { kind: 'increment', id: 'a', by: 3 },
      context('01939e4c-0000-7000-8000-000000000011'),
    );
    expect(E.isRight(allowed)).toBe(true);
    const byState = await handler.handle(
      { kind: 'increment', id: 'a', by: 1 },
      context('01939e4c-0000-7000-8000-000000000012'),
    );
    expect(E.isLeft(byState) && byState.left.kind).toBe('Forbidden');
  });
});
