import type { HistoryStep } from '../historyStep.js';
import type { EngagementServices } from './engagementServices.js';
import { createPool } from '../pool.js';
import { ownerOf } from './activitySteps.js';

const TITLES = ['Send the revised quote', 'Call back', 'Prepare the demo', 'Check the renewal'];
const HOUR = 60 * 60_000;

/**
 * Tasks: reps create follow-ups on their customers (some weekly, with reminders), complete most of
 * them, on time or late, reschedule a few, and cancel some. The reminder reactor runs on the
 * generator's business clock, so reminders come due as the history moves on.
 */
export const taskSteps = (services: EngagementServices): readonly HistoryStep[] => {
  const open = createPool<{ readonly taskId: string; readonly assigneeId: string }>();
  return [
    {
      name: 'createTask',
      weight: (world) => (world.customers.length > 0 ? 1.5 : 0),
      run: async (world) => {
        const { random } = world;
        const customerId = random.pick(world.customers);
        const assigneeId = await ownerOf(world, customerId);
        if (assigneeId === undefined) return;
        const taskId = random.uuid();
        const dueAt = new Date(Date.parse(world.now()) + random.int(4, 240) * HOUR).toISOString();
        const accepted = world.record(
          'createTask',
          await services.tasks.send(
            {
              kind: 'CreateTask',
              taskId,
              title: random.pick(TITLES),
              assigneeId,
              dueAt,
              priority: random.pick(['low', 'normal', 'normal', 'high', 'urgent']),
              timeZone: 'Europe/Rome',
              link: { type: 'customer', id: customerId },
              reminders: random.chance(0.5) ? [60] : [24 * 60, 60],
              ...(random.chance(0.15) ? { recurrence: { frequency: 'weekly', count: 4 } } : {}),
            },
            world.context(assigneeId),
          ),
        );
        if (accepted) open.add(taskId, { taskId, assigneeId });
      },
    },
    {
      name: 'completeTask',
      weight: () => (open.size > 0 ? 1.6 : 0),
      run: async (world) => {
        const { taskId, assigneeId } = open.pick(world.random);
        const result = await services.tasks.send(
          { kind: 'CompleteTask', taskId, completedAt: world.now() },
          world.context(assigneeId),
        );
        world.record('completeTask', result);
        if (
          result._tag === 'Right' &&
          result.right.state.created &&
          result.right.state.status !== 'open'
        ) {
          open.remove(taskId);
        }
      },
    },
    {
      name: 'rescheduleTask',
      weight: () => (open.size > 0 ? 0.3 : 0),
      run: async (world) => {
        const { taskId, assigneeId } = open.pick(world.random);
        const dueAt = new Date(
          Date.parse(world.now()) + world.random.int(24, 96) * HOUR,
        ).toISOString();
        world.record(
          'rescheduleTask',
          await services.tasks.send(
            { kind: 'RescheduleTask', taskId, dueAt },
            world.context(assigneeId),
          ),
        );
      },
    },
    {
      name: 'cancelTask',
      weight: () => (open.size > 0 ? 0.1 : 0),
      run: async (world) => {
        const { taskId, assigneeId } = open.pick(world.random);
        world.record(
          'cancelTask',
          await services.tasks.send(
            { kind: 'CancelTask', taskId, reason: 'No longer needed' },
            world.context(assigneeId),
          ),
        );
        open.remove(taskId);
      },
    },
    {
      name: 'remindDue',
      weight: () => (open.size > 0 ? 0.5 : 0),
      run: async () => {
        await services.reminders.catchUp();
        await services.reminders.remindDue();
      },
    },
  ];
};
