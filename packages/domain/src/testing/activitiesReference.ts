import type * as t from 'io-ts';
import { AccountTeamCommand } from '../accountTeam/commands.js';
import { AccountTeamEvent } from '../accountTeam/events.js';
import { TeamRecordType, TeamRole } from '../accountTeam/values.js';
import { ActivityCommand } from '../activity/commands.js';
import { ActivityEvent, CheckIn } from '../activity/events.js';
import { RecordLink, LinkedRecordType } from '../activity/recordLink.js';
import {
  ActivityKind,
  CallDetails,
  CallDirection,
  CallOutcome,
  CheckInInput,
  Coordinates,
} from '../activity/values.js';
import { AppointmentCommand } from '../calendar/commands.js';
import { AppointmentEvent } from '../calendar/events.js';
import { RepScheduleCommand } from '../calendar/repSchedule/decide.js';
import { RepScheduleEvent } from '../calendar/repSchedule/events.js';
import { ContactParticipant, DoubleBookingOverride, InvitationAnswer } from '../calendar/values.js';
import { TaskCommand } from '../task/commands.js';
import { TaskEvent } from '../task/events.js';
import { Recurrence, RecurrenceFrequency } from '../task/values.js';
import { enumerationTable, referenceTable, valueTable } from './codecReference.js';

const AGGREGATES: readonly {
  readonly title: string;
  readonly stream: string;
  readonly commands: t.UnionType<t.Mixed[]>;
  readonly events: t.UnionType<t.Mixed[]>;
}[] = [
  {
    title: 'Activity',
    stream: 'Activity-<activityId>',
    commands: ActivityCommand,
    events: ActivityEvent,
  },
  { title: 'Task', stream: 'Task-<taskId>', commands: TaskCommand, events: TaskEvent },
  {
    title: 'Appointment',
    stream: 'Appointment-<appointmentId>',
    commands: AppointmentCommand,
    events: AppointmentEvent,
  },
  {
    title: 'Rep schedule (one rep, one UTC day)',
    stream: 'RepSchedule-<repId>.<YYYY-MM-DD>',
    commands: RepScheduleCommand,
    events: RepScheduleEvent,
  },
  {
    title: 'Deal and account team',
    stream: 'AccountTeam-<opportunity|customer>.<recordId>',
    commands: AccountTeamCommand,
    events: AccountTeamEvent,
  },
];

const ENUMERATIONS = [
  ActivityKind,
  LinkedRecordType,
  CallDirection,
  CallOutcome,
  RecurrenceFrequency,
  InvitationAnswer,
  TeamRole,
  TeamRecordType,
] as unknown as readonly t.UnionType<t.Mixed[]>[];

/**
 * The generated part of `docs/domain/activities.md`: every command and event of activities,
 * tasks and the calendar, with their fields.
 */
export const activitiesReferenceMarkdown = (): string =>
  [
    `### Enumerations\n\n${enumerationTable(ENUMERATIONS)}`,
    `### Value types\n\n${valueTable([
      RecordLink,
      CallDetails,
      Coordinates,
      CheckInInput,
      CheckIn,
      Recurrence,
      ContactParticipant,
      DoubleBookingOverride,
    ])}`,
    ...AGGREGATES.map(({ title, stream, commands, events }) =>
      [
        `### ${title}`,
        '',
        `Stream: \`${stream}\`.`,
        '',
        '#### Commands',
        '',
        referenceTable(commands, 'command'),
        '',
        '#### Events',
        '',
        referenceTable(events, 'event'),
      ].join('\n'),
    ),
  ].join('\n\n');
