import type { IsoInstant } from '@clientele/eventstore';
import type { TaskEvent } from './events.js';
import type { Recurrence } from './values.js';

/** Where a task is in its life. */
export type TaskStatus = 'open' | 'done' | 'cancelled';

/** A created task, as its events left it. */
export interface CreatedTask {
  readonly created: true;
  readonly taskId: string;
  readonly status: TaskStatus;
  readonly assigneeId: string;
  readonly dueAt: IsoInstant;
  readonly timeZone: string;
  readonly reminders: readonly number[];
  readonly recurrence: Recurrence | undefined;
  /** The first occurrence's due time: a recurrence's `count` counts from it. */
  readonly seriesStart: IsoInstant;
  /** `dueAt|offset` of every reminder recorded as due. */
  readonly remindersDue: readonly string[];
}

/** A task stream's state: nothing yet, or a created task. */
export type TaskState = { readonly created: false } | CreatedTask;

/** The state of a stream with no events. */
export const initialTaskState: TaskState = { created: false };

/** The key of one reminder of one occurrence. */
export const reminderKey = (dueAt: string, offsetMinutes: number): string =>
  `${dueAt}|${offsetMinutes.toString()}`;

const change = (state: TaskState, patch: Partial<CreatedTask>): TaskState =>
  state.created ? { ...state, ...patch } : state;

/** Folds one event into the task. */
export const evolveTask = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskCreated':
      return {
        created: true,
        taskId: event.data.taskId,
        status: 'open',
        assigneeId: event.data.assigneeId,
        dueAt: event.data.dueAt,
        timeZone: event.data.timeZone,
        reminders: event.data.reminders,
        recurrence: event.data.recurrence,
        seriesStart: event.data.dueAt,
        remindersDue: [],
      };
    case 'TaskAssigned':
      return change(state, { assigneeId: event.data.assigneeId });
    case 'TaskRescheduled':
    case 'TaskRecurred':
      return change(state, { dueAt: event.data.dueAt, status: 'open' });
    case 'TaskCompleted':
      return change(state, { status: 'done' });
    case 'TaskReopened':
      return change(state, { status: 'open' });
    case 'TaskCancelled':
      return change(state, { status: 'cancelled' });
    case 'ReminderDue':
      return change(state, {
        remindersDue: [
          ...(state.created ? state.remindersDue : []),
          reminderKey(event.data.dueAt, event.data.offsetMinutes),
        ],
      });
  }
};
