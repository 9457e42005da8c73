import * as E from 'fp-ts/lib/Either.js';
import type { Decider, IsoInstant } from '@clientele/eventstore';
import type { TaskCommand } from './commands.js';
import type { TaskError } from './errors.js';
import type { TaskEvent } from './events.js';
import type { CreatedTask, TaskState, TaskStatus } from './state.js';
import { nextOccurrence } from './recurrence.js';
import { evolveTask, initialTaskState, reminderKey } from './state.js';

type Decision = E.Either<TaskError, readonly TaskEvent[]>;
type CreateTask = Extract<TaskCommand, { kind: 'CreateTask' }>;

const emit = (...events: TaskEvent[]): Decision => E.right(events);

const requireStatus = (
  task: CreatedTask,
  allowed: readonly TaskStatus[],
  decide: () => Decision,
): Decision =>
  allowed.includes(task.status)
    ? decide()
    : E.left({ kind: 'TaskNotInStatus', taskId: task.taskId, status: task.status, allowed });

const create = (command: CreateTask): Decision => {
  const { kind: _, timeZone, reminders, ...rest } = command;
  // Offsets are a set: the same reminder given twice would come due twice.
  const offsets = [...new Set(reminders ?? [])].sort((a, b) => b - a);
  return emit({
    type: 'TaskCreated',
    data: { ...rest, timeZone: timeZone ?? 'UTC', reminders: offsets },
  });
};

/** The completion, and for a recurring task whose rule goes on, the move to the next occurrence. */
const complete = (task: CreatedTask, completedAt: IsoInstant): Decision => {
  const { taskId, assigneeId, dueAt } = task;
  const completed: TaskEvent = {
    type: 'TaskCompleted',
    data: {
      taskId,
      assigneeId,
      dueAt,
      completedAt,
      onTime: Date.parse(completedAt) <= Date.parse(dueAt),
    },
  };
  const next =
    task.recurrence === undefined
      ? undefined
      : nextOccurrence(task.recurrence, task.seriesStart, dueAt, task.timeZone);
  return next === undefined
    ? emit(completed)
    : emit(completed, {
        type: 'TaskRecurred',
        data: { taskId, assigneeId, dueAt: next, previousDueAt: dueAt },
      });
};

/**
 * A reminder is recorded when it belongs to the task's current occurrence and is not recorded
 * yet; anything else (a repeat, an occurrence that moved, a task no longer open) records nothing,
 * so a reactor that asks twice or replays the log cannot make a reminder come due twice.
 */
const reminderDue = (
  task: CreatedTask,
  command: Extract<TaskCommand, { kind: 'RecordReminderDue' }>,
): Decision => {
  const { dueAt, offsetMinutes } = command;
  const current =
    task.status === 'open' && dueAt === task.dueAt && task.reminders.includes(offsetMinutes);
  if (!current || task.remindersDue.includes(reminderKey(dueAt, offsetMinutes))) return emit();
  const remindAt = new Date(Date.parse(dueAt) - offsetMinutes * 60_000).toISOString();
  return emit({
    type: 'ReminderDue',
    data: {
      taskId: task.taskId,
      assigneeId: task.assigneeId,
      dueAt,
      offsetMinutes,
      remindAt: remindAt as IsoInstant,
    },
  });
};

const decideCreated = (command: Exclude<TaskCommand, CreateTask>, task: CreatedTask): Decision => {
  const { taskId, assigneeId } = task;
  switch (command.kind) {
    case 'AssignTask':
      return requireStatus(task, ['open'], () =>
        command.assigneeId === task.assigneeId
          ? emit()
          : emit({
              type: 'TaskAssigned',
              data: { taskId, assigneeId: command.assigneeId, previousAssigneeId: task.assigneeId },
            }),
      );
    case 'RescheduleTask':
      return requireStatus(task, ['open'], () =>
        command.dueAt === task.dueAt
          ? emit()
          : emit({
              type: 'TaskRescheduled',
              data: { taskId, assigneeId, dueAt: command.dueAt, previousDueAt: task.dueAt },
            }),
      );
    case 'CompleteTask':
      return task.status === 'done'
        ? emit()
        : requireStatus(task, ['open'], () => complete(task, command.completedAt));
    case 'ReopenTask':
      return task.status === 'open'
        ? emit()
        : requireStatus(task, ['done'], () =>
            emit({ type: 'TaskReopened', data: { taskId, assigneeId } }),
          );
    case 'CancelTask':
      return task.status === 'cancelled'
        ? emit()
        : requireStatus(task, ['open'], () =>
            emit({
              type: 'TaskCancelled',
              data: {
                taskId,
                assigneeId,
                ...(command.reason === undefined ? {} : { reason: command.reason }),
              },
            }),
          );
    case 'RecordReminderDue':
      return reminderDue(task, command);
  }
};

/** Decides a task command against the task's state. */
export const decideTask = (command: TaskCommand, state: TaskState): Decision => {
  if (command.kind === 'CreateTask') {
    return state.created
      ? E.left({ kind: 'TaskAlreadyCreated', taskId: command.taskId })
      : create(command);
  }
  return state.created
    ? decideCreated(command, state)
    : E.left({ kind: 'TaskNotFound', taskId: command.taskId });
};

/** The Task aggregate as a decider: a rep's to-do with a due time, reminders and recurrence. */
export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState, TaskError> = {
  initialState: initialTaskState,
  decide: decideTask,
  evolve: evolveTask,
};
