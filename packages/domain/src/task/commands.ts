import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { RecordLink } from '../activity/recordLink.js';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { Recurrence, ReminderOffsetMinutes, TaskPriority, TimeZoneName } from './values.js';

const command = commandCodecFor('taskId');

/**
 * Create a task for a rep: a title, when it is due, how urgent it is. `timeZone` (default UTC) is
 * the zone its recurrence keeps the wall-clock time in; `reminders` are offsets in minutes before
 * each due time; `link` ties it to a record; `subjectId` names the person `note` is about.
 */
export const CreateTask = command(
  'CreateTask',
  { title: NonEmptyText, assigneeId: t.string, dueAt: IsoInstant, priority: TaskPriority },
  {
    timeZone: TimeZoneName,
    link: RecordLink,
    reminders: t.array(ReminderOffsetMinutes),
    recurrence: Recurrence,
    subjectId: t.string,
    note: NonEmptyText,
  },
);
/** Give the task to another rep. */
export const AssignTask = command('AssignTask', { assigneeId: t.string }, {});
/** Move the task's due time; reminders follow it. */
export const RescheduleTask = command('RescheduleTask', { dueAt: IsoInstant }, {});
/** Mark the task done; a recurring one moves on to its next occurrence. */
export const CompleteTask = command('CompleteTask', { completedAt: IsoInstant }, {});
/** Open a done task again. */
export const ReopenTask = command('ReopenTask', {}, {});
/** Drop the task. */
export const CancelTask = command('CancelTask', {}, { reason: NonEmptyText });
/**
 * Record that a reminder came due (sent by the reminder reactor): the reminder `offsetMinutes`
 * before the occurrence due at `dueAt`.
 */
export const RecordReminderDue = command(
  'RecordReminderDue',
  { dueAt: IsoInstant, offsetMinutes: ReminderOffsetMinutes },
  {},
);

/** Every command of the Task aggregate. */
export const TaskCommand = t.union(
  [CreateTask, AssignTask, RescheduleTask, CompleteTask, ReopenTask, CancelTask, RecordReminderDue],
  'TaskCommand',
);
/** Every command of the Task aggregate. */
export type TaskCommand = t.TypeOf<typeof TaskCommand>;
/** A Task command as code writes it, before decoding. */
export type TaskCommandInput = t.OutputOf<typeof TaskCommand>;
