import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { collect } from '../../testing/openedStore.js';
import { generateHistory } from '../generateHistory.js';
import { salesHistorySetup, salesHistorySteps } from '../salesHistory.js';
import { engagementHistory } from './index.js';

const generate = async (seed: number) => {
  const store = createInMemoryEventStore();
  const engagement = engagementHistory(store, seed);
  const world = await generateHistory({
    store,
    seed,
    steps: 450,
    setup: [...salesHistorySetup, engagement.setup],
    stepKinds: [...salesHistorySteps, ...engagement.steps],
  });
  return { world, events: await collect(store.readAll()) };
};

const count = (events: readonly RecordedEvent[], type: string) =>
  events.filter((event) => event.type === type).length;

describe('seeded engagement history', () => {
  it('gives reps activities of every kind, tasks done on time and late, reminders and appointments', async () => {
    const { world, events } = await generate(3);
    const kinds = new Set(
      events
        .filter((event) => event.type === 'ActivityLogged')
        .map((event) => (event.data as { kind: string }).kind),
    );
    expect([...kinds].sort()).toEqual(['call', 'email', 'meeting', 'message', 'note', 'visit']);
    const completions = events
      .filter((event) => event.type === 'TaskCompleted')
      .map((event) => (event.data as { onTime: boolean }).onTime);
    expect(completions).toContain(true);
    expect(completions).toContain(false);
    for (const type of ['TaskRecurred', 'ReminderDue', 'AppointmentBooked', 'SlotReserved']) {
      expect(count(events, type), type).toBeGreaterThan(0);
    }
    // Every accepted step's events decode (the services decode what they store); none refused
    // but the bookings the calendar had to refuse to keep a rep from being double-booked.
    for (const step of ['logActivity', 'createTask', 'completeTask']) {
      expect(world.tally.get(step)?.rejected ?? 0, step).toBe(0);
    }
  });

  it('repeats itself for the same seed, event ids included', async () => {
    const first = await generate(5);
    const second = await generate(5);
    const ids = (events: readonly RecordedEvent[]) => events.map((event) => event.eventId);
    expect(ids(second.events)).toEqual(ids(first.events));
  });
});
