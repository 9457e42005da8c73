import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { RecordLink } from '../activity/recordLink.js';
import { eventCodec } from '../shared/eventCodec.js';
import { personal } from '../shared/personalData.js';
import { Recurrence, ReminderOffsetMinutes, TaskPriority } from './values.js';

/** A task was created for a rep. The note is personal data of `subjectId`. */
export const TaskCreated = eventCodec(
  'TaskCreated',
  t.intersection([
    t.type({
      taskId: t.string,
      title: t.string,
      assigneeId: t.string,
      dueAt: IsoInstant,
      priority: TaskPriority,
      timeZone: t.string,
      reminders: t.readonlyArray(ReminderOffsetMinutes),
    }),
    t.partial({
      link: RecordLink,
      recurrence: Recurrence,
      subjectId: t.string,
      note: personal(t.string),
    }),
  ]),
);
/** The task went to another rep. */
export const TaskAssigned = eventCodec(
  'TaskAssigned',
  t.type({ taskId: t.string, assigneeId: t.string, previousAssigneeId: t.string }),
);
/** The task's due time moved. */
export const TaskRescheduled = eventCodec(
  'TaskRescheduled',
  t.type({ taskId: t.string, assigneeId: t.string, dueAt: IsoInstant, previousDueAt: IsoInstant }),
);
/** The task (or the current occurrence of a recurring one) was done; `onTime` when by its due time. */
export const TaskCompleted = eventCodec(
  'TaskCompleted',
  t.type({
    taskId: t.string,
    assigneeId: t.string,
    dueAt: IsoInstant,
    completedAt: IsoInstant,
    onTime: t.boolean,
  }),
);
/** A recurring task moved on to its next occurrence, as its recurrence rule says. */
export const TaskRecurred = eventCodec(
  'TaskRecurred',
  t.type({ taskId: t.string, assigneeId: t.string, dueAt: IsoInstant, previousDueAt: IsoInstant }),
);
/** A done task was opened again. Events name the assignee so the rep's agenda follows. */
export const TaskReopened = eventCodec(
  'TaskReopened',
  t.type({ taskId: t.string, assigneeId: t.string }),
);
/** The task was dropped. */
export const TaskCancelled = eventCodec(
  'TaskCancelled',
  t.intersection([
    t.type({ taskId: t.string, assigneeId: t.string }),
    t.partial({ reason: t.string }),
  ]),
);
/**
 * A reminder came due for the assignee: `offsetMinutes` before the occurrence due at `dueAt`.
 * Recorded once per occurrence and offset, however often the reactor asks.
 */
export const ReminderDue = eventCodec(
  'ReminderDue',
  t.type({
    taskId: t.string,
    assigneeId: t.string,
    dueAt: IsoInstant,
    offsetMinutes: ReminderOffsetMinutes,
    remindAt: IsoInstant,
  }),
);

/** Every event of a Task stream. */
export const TaskEvent = t.union(
  [
    TaskCreated,
    TaskAssigned,
    TaskRescheduled,
    TaskCompleted,
    TaskRecurred,
    TaskReopened,
    TaskCancelled,
    ReminderDue,
  ],
  'TaskEvent',
);
/** Every event of a Task stream. */
export type TaskEvent = t.TypeOf<typeof TaskEvent>;
