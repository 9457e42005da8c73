import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/commandContexts.js';
import type { ReminderReactor } from './reminderReactor.js';
import type { TaskService } from './taskService.js';
import { createReminderReactor } from './reminderReactor.js';
import { createTaskService } from './taskService.js';

const BASE = Date.parse('2026-03-02T08:00:00.000Z');
const at = (minutes: number): string => new Date(BASE + minutes * 60_000).toISOString();

/** What happens between two looks at the clock. */
type Step =
  | { readonly kind: 'tick'; readonly minutes: number }
  | { readonly kind: 'secondNode' }
  | { readonly kind: 'replay' }
  | { readonly kind: 'reschedule'; readonly task: number; readonly dueInMinutes: number }
  | { readonly kind: 'complete'; readonly task: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      minutes: fc.integer({ min: 0, max: 90 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'secondNode' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'replay' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reschedule' as const),
      task: fc.nat(2),
      dueInMinutes: fc.integer({ min: 0, max: 600 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), task: fc.nat(2) }) },
);

const taskSpec = fc.record({
  dueInMinutes: fc.integer({ min: 0, max: 400 }),
  reminders: fc.uniqueArray(fc.integer({ min: 0, max: 240 }), { maxLength: 3 }),
});

const reminderEvents = async (store: EventStore) => {
  const found: string[] = [];
  for await (const event of store.readAll()) {
    if (event.type !== 'ReminderDue') continue;
    const data = event.data as { taskId: string; dueAt: string; offsetMinutes: number };
    found.push(`${data.taskId}|${data.dueAt}|${data.offsetMinutes.toString()}`);
  }
  return found;
};

const reactorOn = (store: EventStore, tasks: TaskService, clock: { now: () => string }) =>
  createReminderReactor({ store, tasks, clock });

const look = async (reactor: ReminderReactor) => {
  await reactor.catchUp();
  await reactor.remindDue();
};

/** What the test expects of each task: its current due time, reminders, and whether it is open. */
type Expected = Map<number, { dueAt: string; reminders: number[]; open: boolean }>;

/** Reschedules or completes a task the test still has open, and notes what it expects now. */
const changeTask = async (
  tasks: TaskService,
  expected: Expected,
  next: Extract<Step, { kind: 'reschedule' | 'complete' }>,
  now: number,
): Promise<void> => {
  const task = expected.get(next.task);
  if (task === undefined || !task.open) return;
  const taskId = `task-${next.task.toString()}`;
  if (next.kind === 'reschedule') {
    const dueAt = at(now + next.dueInMinutes);
    await tasks.send({ kind: 'RescheduleTask', taskId, dueAt }, testContext(at(now)));
    task.dueAt = dueAt;
  } else {
    await tasks.send({ kind: 'CompleteTask', taskId, completedAt: at(now) }, testContext(at(now)));
    task.open = false;
  }
};

describe('reminder reactor', () => {
  it('records each due reminder exactly once under replays, second nodes and repeated asks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskSpec, { minLength: 1, maxLength: 3 }),
        fc.array(step, { maxLength: 25 }),
        async (specs, steps) => {
          const store = createInMemoryEventStore();
          const tasks = createTaskService(store, { authorize: permitEveryoneInTests() });
          let now = 0;
          const clock = { now: () => at(now) };
          const expected: Expected = new Map();
          for (const [index, spec] of specs.entries()) {
            const created = await tasks.send(
              {
                kind: 'CreateTask',
                taskId: `task-${index.toString()}`,
                title: 'Call back',
                assigneeId: 'rep-1',
                dueAt: at(spec.dueInMinutes),
                priority: 'normal',
                reminders: spec.reminders,
              },
              testContext(at(0)),
            );
            expect(E.isRight(created)).toBe(true);
            expected.set(index, {
              dueAt: at(spec.dueInMinutes),
              reminders: spec.reminders,
              open: true,
            });
          }
          const first = reactorOn(store, tasks, clock);
          for (const next of steps) {
            if (next.kind === 'tick') {
              now += next.minutes;
              await look(first);
              await look(first);
            } else if (next.kind === 'secondNode') {
              await look(reactorOn(store, tasks, clock));
            } else if (next.kind === 'replay') {
              await look(reactorOn(store, tasks, clock));
            } else {
              await changeTask(tasks, expected, next, now);
            }
          }
          await look(first);
          const recorded = await reminderEvents(store);
          // Never twice.
          expect(new Set(recorded).size).toBe(recorded.length);
          // Every reminder of an open task's current occurrence whose time has come: recorded.
          for (const [index, task] of expected) {
            if (!task.open) continue;
            for (const offset of task.reminders) {
              if (Date.parse(task.dueAt) - offset * 60_000 > Date.parse(at(now))) continue;
              expect(recorded).toContain(
                `task-${index.toString()}|${task.dueAt}|${offset.toString()}`,
              );
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
