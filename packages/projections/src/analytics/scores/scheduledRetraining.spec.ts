import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  commerceAuthorizers,
  createAnalyticsModelService,
  defaultRolePolicy,
  noTeams,
} from '@clientele/domain';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../testing/domainHistory.js';
import { daysFrom, shiftDay } from '../history/datedEvents.js';
import { twelveClosedDealsAndAnOpenOne } from '../testing/dealEvents.js';
import type { RetrainingClockPort } from './scheduledRetraining.js';
import { createScheduledRetraining, dueCutOff } from './scheduledRetraining.js';

const deals = twelveClosedDealsAndAnOpenOne;

const storeWithDeals = async (): Promise<EventStore> => {
  const store = createInMemoryEventStore();
  await appendHistory(
    store,
    deals.map(({ day, event }) => ({
      stream: `Opportunity-${event.data.opportunityId}`,
      type: event.type,
      data: event.data,
      at: day,
    })),
  );
  return store;
};

/** A clock the spec moves by hand. */
const handClock = (day: string): RetrainingClockPort & { set(next: string): void } => {
  let today = day;
  return { today: () => today, set: (next) => (today = next) };
};

const scheduler = (store: EventStore, clock: RetrainingClockPort, everyDays = 7) =>
  createScheduledRetraining({
    log: store,
    // The role policy's own authorizer: the schedule's system actor passes it as trusted work.
    models: createAnalyticsModelService(store, {
      authorize: commerceAuthorizers(defaultRolePolicy, noTeams).analyticsModel,
    }),
    clock,
    everyDays,
  });

const trainings = async (store: EventStore): Promise<RecordedEvent[]> => {
  const recorded: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: { eventTypes: ['ModelTrained'] } }))
    recorded.push(event);
  return recorded;
};
const cutOffs = async (store: EventStore) =>
  (await trainings(store)).map((event) => (event.data as { trainedUpTo: string }).trainedUpTo);

describe('scheduled retraining of the win model', () => {
  it('given a model never trained, when the schedule runs, it trains up to the clock day and records ModelTrained by the scheduler', async () => {
    const store = await storeWithDeals();
    const result = await scheduler(store, handClock('2026-03-02')).trainDue();
    expect(result).toEqual(
      E.right(
        expect.objectContaining({ version: 1, trainedUpTo: '2026-03-02', trainingCases: 12 }),
      ),
    );
    const [trained] = await trainings(store);
    expect(trained?.metadata.actor).toEqual(
      expect.objectContaining({ id: 'scheduler:model-retraining', role: 'system' }),
    );
    expect(trained?.metadata.occurredAt).toBe('2026-03-02T23:59:59.999Z');
  });

  it('given a training, when the schedule runs again before its interval is over, nothing is recorded', async () => {
    const store = await storeWithDeals();
    const clock = handClock('2026-03-02');
    await scheduler(store, clock).trainDue();
    clock.set('2026-03-08');
    expect(await scheduler(store, clock).trainDue()).toEqual(E.right(null));
    expect(await cutOffs(store)).toEqual(['2026-03-02']);
  });

  it('given a scheduler that missed several days, when it runs, it trains once, up to the last scheduled day that came', async () => {
    const store = await storeWithDeals();
    const clock = handClock('2026-03-02');
    await scheduler(store, clock).trainDue();
    clock.set('2026-03-25');
    const result = await scheduler(store, clock).trainDue();
    expect(E.isRight(result) && result.right?.trainedUpTo).toBe('2026-03-23');
    expect(await cutOffs(store)).toEqual(['2026-03-02', '2026-03-23']);
  });

  it('given two schedulers on one log, when both find the same training due at once, it is recorded once', async () => {
    const store = await storeWithDeals();
    const clock = handClock('2026-03-02');
    const results = await Promise.all([
      scheduler(store, clock).trainDue(),
      scheduler(store, clock).trainDue(),
    ]);
    expect(results.every(E.isRight)).toBe(true);
    expect(await cutOffs(store)).toEqual(['2026-03-02']);
  });

  it('refuses an interval that is not a whole number of days', () => {
    expect(() => scheduler(createInMemoryEventStore(), handClock('2026-03-02'), 0)).toThrow(
      RangeError,
    );
  });

  it('records exactly the trainings the schedule says, whatever the clock days, however often each is asked and across restarts', async () => {
    const store0 = await storeWithDeals();
    const seeded: RecordedEvent[] = [];
    for await (const event of store0.readAll()) seeded.push(event);
    const scenario = fc.record({
      everyDays: fc.integer({ min: 1, max: 20 }),
      // Days the clock shows, in order (a clock may show the same day many times).
      steps: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 10 }),
      // How many times each day is asked (double delivery), and whether the scheduler restarts.
      asks: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
      restarts: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ everyDays, steps, asks, restarts }) => {
        const store = createInMemoryEventStore();
        for (const event of seeded)
          await store.appendToStream(event.streamName, [
            {
              type: event.type,
              data: event.data,
              eventId: event.eventId,
              metadata: event.metadata,
            },
          ]);
        const clock = handClock('2026-03-01');
        let running = scheduler(store, clock, everyDays);
        let day = '2026-03-01';
        let expected: string[] = [];
        for (const [index, step] of steps.entries()) {
          day = shiftDay(day, step);
          clock.set(day);
          if (restarts[index] === true) running = scheduler(store, clock, everyDays);
          for (let ask = 0; ask < (asks[index] ?? 1); ask += 1) await running.trainDue();
          // The schedule written out plainly: first on the first day, then every `everyDays`.
          const last = expected[expected.length - 1];
          if (last === undefined) expected = [day];
          else if (daysFrom(last, day) >= everyDays)
            expected = [
              ...expected,
              shiftDay(last, Math.floor(daysFrom(last, day) / everyDays) * everyDays),
            ];
        }
        const recorded = await trainings(store);
        expect(
          recorded.map((event) => (event.data as { trainedUpTo: string }).trainedUpTo),
        ).toEqual(expected);
        expect(recorded.map((event) => (event.data as { version: number }).version)).toEqual(
          expected.map((_, index) => index + 1),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('says a training is due on the first day, and then only every interval after the last cut-off', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (elapsed, everyDays) => {
          const today = shiftDay('2026-01-01', elapsed);
          expect(dueCutOff({ version: 0, trainedUpTo: null }, today, everyDays)).toBe(today);
          const due = dueCutOff({ version: 1, trainedUpTo: '2026-01-01' }, today, everyDays);
          if (elapsed < everyDays) expect(due).toBeNull();
          else {
            expect(due).not.toBeNull();
            const sinceLast = daysFrom('2026-01-01', due ?? '');
            expect(sinceLast % everyDays).toBe(0);
            expect(daysFrom(due ?? '', today)).toBeLessThan(everyDays);
          }
        },
      ),
    );
  });
});
