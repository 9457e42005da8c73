import { AppointmentEvent, TaskEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import type {
  AgendaAppointmentDocument,
  AgendaDocument,
  AgendaTaskDocument,
} from './agendaDocument.js';
import { agendaAppointmentKey, agendaTaskKey } from './agendaDocument.js';

const decodeTask = domainEventDecoder(TaskEvent);
const decodeAppointment = domainEventDecoder(AppointmentEvent);

const NO_TASK: AgendaTaskDocument = {
  kind: 'task',
  taskId: '',
  title: '',
  assigneeId: '',
  dueAt: '',
  priority: 'normal',
  status: 'open',
  link: null,
  completions: [],
  remindersDue: [],
};
const NO_APPOINTMENT: AgendaAppointmentDocument = {
  kind: 'appointment',
  appointmentId: '',
  title: '',
  start: '',
  end: '',
  timeZone: 'UTC',
  reps: [],
  location: null,
  link: null,
  cancelled: false,
};

const applyTask = (doc: AgendaTaskDocument, event: TaskEvent): AgendaTaskDocument => {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, title, assigneeId, dueAt, priority, link } = event.data;
      return { ...NO_TASK, taskId, title, assigneeId, dueAt, priority, link: link ?? null };
    }
    case 'TaskAssigned':
      return { ...doc, assigneeId: event.data.assigneeId };
    case 'TaskRescheduled':
    case 'TaskRecurred':
      return { ...doc, dueAt: event.data.dueAt, status: 'open', remindersDue: [] };
    case 'TaskCompleted': {
      const { dueAt, completedAt, onTime } = event.data;
      // A redelivered completion is the same occurrence: keep one.
      const known = doc.completions.some((done) => done.dueAt === dueAt);
      return {
        ...doc,
        status: 'done',
        completions: known ? doc.completions : [...doc.completions, { dueAt, completedAt, onTime }],
      };
    }
    case 'TaskReopened':
      return {
        ...doc,
        status: 'open',
        completions: doc.completions.filter((done) => done.dueAt !== doc.dueAt),
      };
    case 'TaskCancelled':
      return { ...doc, status: 'cancelled' };
    case 'ReminderDue':
      return doc.remindersDue.includes(event.data.remindAt)
        ? doc
        : { ...doc, remindersDue: [...doc.remindersDue, event.data.remindAt] };
  }
};

const applyAppointment = (
  doc: AgendaAppointmentDocument,
  event: AppointmentEvent,
): AgendaAppointmentDocument => {
  switch (event.type) {
    case 'AppointmentBooked': {
      const { appointmentId, title, start, end, timeZone, reps, location, link } = event.data;
      return {
        ...NO_APPOINTMENT,
        appointmentId,
        title,
        start,
        end,
        timeZone,
        reps: [...reps],
        location: location ?? null,
        link: link ?? null,
      };
    }
    case 'AppointmentMoved':
      return { ...doc, start: event.data.start, end: event.data.end };
    case 'AppointmentCancelled':
      return { ...doc, cancelled: true };
    case 'InvitationAnswered':
    case 'AppointmentHandedOver':
      return doc;
  }
};

/**
 * `agenda`: one document per task and per appointment with what a rep's agenda and the
 * follow-up compliance report need: due times, status, completions (on time or late), reminders
 * that came due, appointment times and reps. Personal fields stay in the log.
 */
export const agendaProjection: Projection<AgendaDocument> = {
  name: 'agenda',
  version: 1,
  filter: { streamNamePrefixes: ['Task-', 'Appointment-'] },
  keysOf: (event) => {
    const task = decodeTask(event);
    if (task !== undefined) return [agendaTaskKey(task.data.taskId)];
    const appointment = decodeAppointment(event);
    return appointment === undefined ? [] : [agendaAppointmentKey(appointment.data.appointmentId)];
  },
  initial: (key) => (key.startsWith('task:') ? NO_TASK : NO_APPOINTMENT),
  apply: (doc, event) => {
    const task = decodeTask(event);
    if (task !== undefined && doc.kind === 'task') return applyTask(doc, task);
    const appointment = decodeAppointment(event);
    if (appointment !== undefined && doc.kind === 'appointment') {
      return applyAppointment(doc, appointment);
    }
    return doc;
  },
};
