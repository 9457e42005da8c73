import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commandHandling/commandContext.js';
import { createCommandHandler } from '../../commandHandling/commandHandler.js';
import type { EventStore } from '../../eventStore/eventStore.js';
import type { OpenEventStore } from './fixtures.js';
import { collect, withStore } from './fixtures.js';
import { CounterEvent, counterDecider } from './counterAggregate.js';
import { permitEveryoneInTests } from '../permitEveryone.js';

const counters = (store: EventStore, cap = 1_000_000) =>
  createCommandHandler({
    authorize: permitEveryoneInTests(),
    store,
    decider: counterDecider(cap),
    eventCodec: CounterEvent,
    streamName: (command) => `Counter-${command.id}`,
    maxAttempts: 50,
  });

const context = (commandId = uuidv7()): CommandContext => ({
  commandId,
  actor: { id: 'tester', role: 'administrator' },
  occurredAt: '2026-03-03T09:15:00Z',
});

/** Load → decide → append on the engine: idempotency, rejection, no lost update. */
export const registerCommandHandlingContract = (open: OpenEventStore): void => {
  describe('command handling', () => {
    it('handles a retried command id once and returns the first result', () =>
      withStore(open, async (store) => {
        const handler = counters(store);
        const id = uuidv7();
        const retried = context();
        const first = await handler.handle({ kind: 'increment', id, by: 2 }, retried);
        const second = await handler.handle({ kind: 'increment', id, by: 2 }, retried);
        expect(E.isRight(first) && E.isRight(second)).toBe(true);
        if (E.isRight(first) && E.isRight(second)) {
          expect(second.right.duplicate).toBe(true);
          expect(second.right.appended).toEqual({ ...first.right.appended, duplicate: true });
          expect(second.right.state).toBe(2);
        }
        expect(await collect(store.readAll())).toHaveLength(1);
      }));

    it('writes the command context into every event metadata', () =>
      withStore(open, async (store) => {
        const id = uuidv7();
        const ctx = {
          ...context(),
          correlationId: 'journey-7',
          causationId: 'event-9',
          tenantId: 'acme',
        };
        await counters(store).handle({ kind: 'increment', id, by: 1 }, ctx);
        const [event] = await collect(store.readStream(`Counter-${id}`));
        expect(event?.metadata).toEqual({
          occurredAt: ctx.occurredAt,
          actor: ctx.actor,
          correlationId: 'journey-7',
          causationId: 'event-9',
          commandId: ctx.commandId,
          schemaVersion: 1,
          tenantId: 'acme',
        });
      }));

    it('appends nothing when the decider refuses', () =>
      withStore(open, async (store) => {
        const handler = counters(store, 3);
        const id = uuidv7();
        await handler.handle({ kind: 'increment', id, by: 3 }, context());
        const refused = await handler.handle({ kind: 'increment', id, by: 1 }, context());
        expect(refused).toEqual(
          E.left({ kind: 'Rejected', error: { kind: 'CounterOverCap', cap: 3 } }),
        );
        expect(await collect(store.readAll())).toHaveLength(1);
      }));

    it('loses no update when handlers race on one aggregate', () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 8 }),
          (steps) =>
            withStore(open, async (store) => {
              const handler = counters(store);
              const id = uuidv7();
              const results = await Promise.all(
                steps.map((by) => handler.handle({ kind: 'increment', id, by }, context())),
              );
              expect(results.every(E.isRight)).toBe(true);
              const { state } = await handler.load(`Counter-${id}`);
              expect(state).toBe(steps.reduce((a, b) => a + b, 0));
            }),
        ),
        { numRuns: 10 },
      ));
  });
};
