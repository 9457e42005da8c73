import type { CommandAuthorizer } from '@clientele/eventstore';
import type { ActivityCommand } from '../activity/commands.js';
import type { ActivityState } from '../activity/state.js';
import type { AppointmentCommand } from '../calendar/commands.js';
import type { AppointmentState } from '../calendar/state.js';
import type { TaskCommand } from '../task/commands.js';
import type { TaskState } from '../task/state.js';
import type { TeamDirectory } from './authorize.js';
import { commandAuthorizer } from './authorize.js';
import type { RolePolicy } from './roles.js';

/** The authorizers of activities, tasks and appointments, for their entry points' `authorize`. */
export interface EngagementAuthorizers {
  readonly activity: CommandAuthorizer<ActivityCommand, ActivityState>;
  readonly task: CommandAuthorizer<TaskCommand, TaskState>;
  readonly appointment: CommandAuthorizer<AppointmentCommand, AppointmentState>;
}

/**
 * Role-based authorizers for Activity, Task and Appointment. The owner is the rep who logged the
 * activity, the task's assignee (a task may be created for a colleague only with a wider scope)
 * and the appointment's organizer; for a record being created, the one the command names.
 */
export const engagementAuthorizers = (
  policy: RolePolicy,
  teams: TeamDirectory,
): EngagementAuthorizers => ({
  activity: commandAuthorizer<ActivityCommand, ActivityState>(
    'Activity',
    (state, command) =>
      state.logged ? state.ownerId : command.kind === 'LogActivity' ? command.ownerId : null,
    policy,
    teams,
  ),
  task: commandAuthorizer<TaskCommand, TaskState>(
    'Task',
    (state, command) =>
      state.created ? state.assigneeId : command.kind === 'CreateTask' ? command.assigneeId : null,
    policy,
    teams,
  ),
  appointment: commandAuthorizer<AppointmentCommand, AppointmentState>(
    'Appointment',
    (state, command) =>
      state.booked
        ? state.organizerId
        : command.kind === 'BookAppointment'
          ? command.organizerId
          : null,
    policy,
    teams,
  ),
});
