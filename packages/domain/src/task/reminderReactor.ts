import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, LeaseOptions, RecordedEvent } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  createLeaseKeeper,
  createReactorRunner,
  deriveId,
  systemActor,
} from '@clientele/eventstore';
import type { CreatedTask, TaskState } from './state.js';
import type { TaskService } from './taskService.js';
import { TaskEvent } from './events.js';
import { evolveTask, initialTaskState, reminderKey } from './state.js';

/** Where the reminder reactor learns the time: the only place that reads a clock. */
export interface ReminderClockPort {
  /** The current instant, ISO-8601 with offset. */
  now(): string;
}

/** Options of {@link createReminderReactor}. */
export interface ReminderReactorOptions {
  readonly store: EventStore;
  readonly tasks: TaskService;
  readonly clock: ReminderClockPort;
  /** Checkpoint and lease name; defaults to `task-reminders`. */
  readonly name?: string;
  /** Elects the one app server that records reminders; the others stand by. */
  readonly lease?: LeaseOptions;
}

/** Follows tasks and records the reminders the clock says are due. */
export interface ReminderReactor {
  /** Reads task events up to the head of the log. */
  catchUp(): Promise<number>;
  /** Records every reminder due by the clock's now; resolves with how many were new. */
  remindDue(): Promise<number>;
}

interface WatchedTask {
  state: TaskState;
  /** The event that set the current due time: the cause of its reminders. */
  dueSetBy: string;
  readonly tenantId: string | undefined;
}

/** The reminder offsets of an open task whose time has come by `now` and that are not recorded. */
const dueOffsets = (state: CreatedTask, now: number): readonly number[] =>
  state.status !== 'open'
    ? []
    : state.reminders.filter(
        (offsetMinutes) =>
          Date.parse(state.dueAt) - offsetMinutes * 60_000 <= now &&
          !state.remindersDue.includes(reminderKey(state.dueAt, offsetMinutes)),
      );

/**
 * The reminder reactor. It follows Task events, and when the clock port passes a reminder's time
 * (due time minus offset) on an open task it sends `RecordReminderDue`. The command id derives
 * from the event that set the due time, the due time and the offset, so asking again, after a
 * restart, on a second node or on a replay of the log, records nothing twice; the decider also
 * records a reminder only once per occurrence.
 */
export const createReminderReactor = (options: ReminderReactorOptions): ReminderReactor => {
  const { store, tasks, clock } = options;
  const watched = new Map<string, WatchedTask>();

  const react = (recorded: RecordedEvent): Promise<void> => {
    const decoded = TaskEvent.decode({ type: recorded.type, data: recorded.data });
    if (E.isLeft(decoded)) return Promise.resolve();
    const event = decoded.right;
    const known = watched.get(event.data.taskId);
    const state = evolveTask(known?.state ?? initialTaskState, event);
    const movesDue =
      event.type === 'TaskCreated' ||
      event.type === 'TaskRescheduled' ||
      event.type === 'TaskRecurred';
    watched.set(event.data.taskId, {
      state,
      dueSetBy: movesDue || known === undefined ? recorded.eventId : known.dueSetBy,
      tenantId: known?.tenantId ?? recorded.metadata.tenantId,
    });
    return Promise.resolve();
  };

  const name = options.name ?? 'task-reminders';
  const runner = createReactorRunner({
    name,
    store,
    // Open tasks live in memory, so each start reads Task events from the beginning; reminders
    // stay single through their derived command ids and the decider's own check.
    checkpoints: createInMemoryCheckpointStore(),
    filter: { streamNamePrefixes: ['Task-'] },
    react,
  });
  const keeper = options.lease === undefined ? undefined : createLeaseKeeper(options.lease);

  const remindDue = async (): Promise<number> => {
    if (keeper !== undefined && (await keeper.acquire(name)) === undefined) return 0;
    const now = clock.now();
    let recorded = 0;
    for (const [taskId, { state, dueSetBy, tenantId }] of watched) {
      if (!state.created) continue;
      for (const offsetMinutes of dueOffsets(state, Date.parse(now))) {
        const result = await tasks.send(
          { kind: 'RecordReminderDue', taskId, dueAt: state.dueAt, offsetMinutes },
          {
            commandId: deriveId(dueSetBy, `reminder:${state.dueAt}:${offsetMinutes.toString()}`),
            actor: systemActor('task-reminders', 'reminds an assignee of a task falling due'),
            occurredAt: now,
            causationId: dueSetBy,
            ...(tenantId === undefined ? {} : { tenantId }),
          },
        );
        if (E.isRight(result) && !result.right.duplicate && result.right.events.length > 0) {
          recorded += 1;
        }
      }
    }
    return recorded;
  };

  return { catchUp: () => runner.catchUp(), remindDue };
};
