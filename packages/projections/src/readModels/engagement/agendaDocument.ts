import * as t from 'io-ts';

const Link = t.type({ type: t.string, id: t.string });

/** One completion of a task (a recurring task has one per occurrence done). */
export const TaskCompletion = t.type(
  { dueAt: t.string, completedAt: t.string, onTime: t.boolean },
  'TaskCompletion',
);

/** A task as agendas and follow-up compliance need it; no personal field (the note stays in the log). */
export const AgendaTaskDocument = t.type(
  {
    kind: t.literal('task'),
    taskId: t.string,
    title: t.string,
    assigneeId: t.string,
    dueAt: t.string,
    priority: t.string,
    status: t.keyof({ open: null, done: null, cancelled: null }),
    link: t.union([Link, t.null]),
    completions: t.array(TaskCompletion),
    /** Reminders recorded as due for the current occurrence: when each came due. */
    remindersDue: t.array(t.string),
  },
  'AgendaTaskDocument',
);
/** A task as agendas need it. */
export type AgendaTaskDocument = t.TypeOf<typeof AgendaTaskDocument>;

/** An appointment as agendas need it; contacts' names stay in the log. */
export const AgendaAppointmentDocument = t.type(
  {
    kind: t.literal('appointment'),
    appointmentId: t.string,
    title: t.string,
    start: t.string,
    end: t.string,
    timeZone: t.string,
    reps: t.array(t.string),
    location: t.union([t.string, t.null]),
    link: t.union([Link, t.null]),
    cancelled: t.boolean,
  },
  'AgendaAppointmentDocument',
);
/** An appointment as agendas need it. */
export type AgendaAppointmentDocument = t.TypeOf<typeof AgendaAppointmentDocument>;

/** A document of the `agenda` read model: a task or an appointment. */
export const AgendaDocument = t.union(
  [AgendaTaskDocument, AgendaAppointmentDocument],
  'AgendaDocument',
);
/** A document of the `agenda` read model. */
export type AgendaDocument = t.TypeOf<typeof AgendaDocument>;

/** The document key of a task. */
export const agendaTaskKey = (taskId: string): string => `task:${taskId}`;
/** The document key of an appointment. */
export const agendaAppointmentKey = (appointmentId: string): string =>
  `appointment:${appointmentId}`;
