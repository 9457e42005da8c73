import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { personalFieldPaths } from '../shared/personalData.js';
import type { TaskEvent } from './events.js';
import { TaskCommand } from './commands.js';
import { taskDecider } from './decide.js';
import { TaskEvent as TaskEventCodec } from './events.js';

const spec = deciderSpec(taskDecider);
const taskId = 'task-1';
const command = (input: Record<string, unknown>): TaskCommand => {
  const decoded = TaskCommand.decode({ taskId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const event = (input: { type: string; data: Record<string, unknown> }): TaskEvent => {
  const decoded = TaskEventCodec.decode({ ...input, data: { taskId, ...input.data } });
  if (E.isLeft(decoded)) throw new Error(`invalid event ${JSON.stringify(input)}`);
  return decoded.right;
};
const dueAt = '2026-03-10T09:00:00.000Z';
const created = event({
  type: 'TaskCreated',
  data: {
    title: 'Send the revised quote',
    assigneeId: 'rep-1',
    dueAt,
    priority: 'high',
    timeZone: 'UTC',
    reminders: [60, 15],
  },
});
const weekly = event({
  type: 'TaskCreated',
  data: {
    title: 'Weekly pipeline call',
    assigneeId: 'rep-1',
    dueAt,
    priority: 'normal',
    timeZone: 'Europe/Rome',
    reminders: [],
    recurrence: { frequency: 'weekly', count: 2 },
  },
});
const completed = (completedAt: string, onTime: boolean, due = dueAt) =>
  event({ type: 'TaskCompleted', data: { assigneeId: 'rep-1', dueAt: due, completedAt, onTime } });

describe('task', () => {
  it('creates a task with its reminders as a set, latest first', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'CreateTask',
          title: 'Send the revised quote',
          assigneeId: 'rep-1',
          dueAt,
          priority: 'high',
          reminders: [15, 60, 15],
        }),
      )
      .then([created]);
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(
      E.isLeft(
        TaskCommand.decode({
          kind: 'CreateTask',
          taskId,
          title: 'x',
          assigneeId: 'rep-1',
          dueAt,
          priority: 'low',
          timeZone: 'Mars/Olympus',
        }),
      ),
    ).toBe(true);
  });

  it('assigns a task to another rep, and records nothing when it is the same rep', () => {
    spec
      .given([created])
      .when(command({ kind: 'AssignTask', assigneeId: 'rep-2' }))
      .then([
        event({ type: 'TaskAssigned', data: { assigneeId: 'rep-2', previousAssigneeId: 'rep-1' } }),
      ]);
    spec
      .given([created])
      .when(command({ kind: 'AssignTask', assigneeId: 'rep-1' }))
      .then([]);
  });

  it('reschedules an open task', () => {
    const later = '2026-03-12T09:00:00.000Z';
    spec
      .given([created])
      .when(command({ kind: 'RescheduleTask', dueAt: later }))
      .then([
        event({
          type: 'TaskRescheduled',
          data: { assigneeId: 'rep-1', dueAt: later, previousDueAt: dueAt },
        }),
      ]);
  });

  it('completes a task on time when done by its due time, late after it', () => {
    spec
      .given([created])
      .when(command({ kind: 'CompleteTask', completedAt: '2026-03-10T08:00:00.000Z' }))
      .then([completed('2026-03-10T08:00:00.000Z', true)]);
    spec
      .given([created])
      .when(command({ kind: 'CompleteTask', completedAt: '2026-03-11T08:00:00.000Z' }))
      .then([completed('2026-03-11T08:00:00.000Z', false)]);
  });

  it('moves a recurring task on to its next occurrence when it is completed', () => {
    // 10:00 in Rome, a week later; the DST change itself is covered by recurrence.properties.spec.
    spec
      .given([weekly])
      .when(command({ kind: 'CompleteTask', completedAt: dueAt }))
      .then([
        completed(dueAt, true),
        event({
          type: 'TaskRecurred',
          data: { assigneeId: 'rep-1', dueAt: '2026-03-17T09:00:00.000Z', previousDueAt: dueAt },
        }),
      ]);
  });

  it('ends a recurring task when its rule has no more occurrences', () => {
    const second = '2026-03-17T09:00:00.000Z';
    spec
      .given([
        weekly,
        completed(dueAt, true),
        event({
          type: 'TaskRecurred',
          data: { assigneeId: 'rep-1', dueAt: second, previousDueAt: dueAt },
        }),
      ])
      .when(command({ kind: 'CompleteTask', completedAt: second }))
      .then([completed(second, true, second)]);
  });

  it('reopens a done task and refuses to reopen a cancelled one', () => {
    const done = completed(dueAt, true);
    spec
      .given([created, done])
      .when(command({ kind: 'ReopenTask' }))
      .then([event({ type: 'TaskReopened', data: { assigneeId: 'rep-1' } })]);
    spec
      .given([created, event({ type: 'TaskCancelled', data: { assigneeId: 'rep-1' } })])
      .when(command({ kind: 'ReopenTask' }))
      .thenFails({ kind: 'TaskNotInStatus', taskId, status: 'cancelled', allowed: ['done'] });
  });

  it('cancels an open task with a reason and refuses to complete it afterwards', () => {
    const cancelled = event({
      type: 'TaskCancelled',
      data: { assigneeId: 'rep-1', reason: 'customer churned' },
    });
    spec
      .given([created])
      .when(command({ kind: 'CancelTask', reason: 'customer churned' }))
      .then([cancelled]);
    spec
      .given([created, cancelled])
      .when(command({ kind: 'CompleteTask', completedAt: dueAt }))
      .thenFails((error) => error.kind === 'TaskNotInStatus');
  });

  it('records a due reminder for the assignee once per occurrence and offset', () => {
    const due = event({
      type: 'ReminderDue',
      data: {
        assigneeId: 'rep-1',
        dueAt,
        offsetMinutes: 60,
        remindAt: '2026-03-10T08:00:00.000Z',
      },
    });
    spec
      .given([created])
      .when(command({ kind: 'RecordReminderDue', dueAt, offsetMinutes: 60 }))
      .then([due]);
    spec
      .given([created, due])
      .when(command({ kind: 'RecordReminderDue', dueAt, offsetMinutes: 60 }))
      .then([]);
  });

  it('records no reminder for an occurrence that moved or a task no longer open', () => {
    spec
      .given([
        created,
        event({
          type: 'TaskRescheduled',
          data: { assigneeId: 'rep-1', dueAt: '2026-03-12T09:00:00.000Z', previousDueAt: dueAt },
        }),
      ])
      .when(command({ kind: 'RecordReminderDue', dueAt, offsetMinutes: 60 }))
      .then([]);
    spec
      .given([created, completed(dueAt, true)])
      .when(command({ kind: 'RecordReminderDue', dueAt, offsetMinutes: 60 }))
      .then([]);
  });

  it('refuses a command to a task that was never created', () => {
    spec
      .given([])
      .when(command({ kind: 'CancelTask' }))
      .thenFails({ kind: 'TaskNotFound', taskId });
  });

  it('tags the note of a task with its data subject', () => {
    expect(personalFieldPaths(TaskEventCodec)).toEqual([
      { path: 'data.note', subjectIdPath: 'data.subjectId', retainedAs: undefined },
    ]);
  });
});
