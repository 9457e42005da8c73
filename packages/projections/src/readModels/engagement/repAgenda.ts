import { agendaDayAt } from '@clientele/domain';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { AgendaAppointmentDocument, AgendaTaskDocument } from './agendaDocument.js';

/** One line of a rep's agenda. */
export interface AgendaItem {
  readonly kind: 'task' | 'appointment';
  readonly id: string;
  readonly title: string;
  /** A task's due time, an appointment's start. */
  readonly at: string;
  /** An appointment's end; null for a task. */
  readonly until: string | null;
  /** A task's priority; null for an appointment. */
  readonly priority: string | null;
  readonly link: { readonly type: string; readonly id: string } | null;
  /** Reminders of a task that came due (instants); empty for an appointment. */
  readonly remindersDue: readonly string[];
}

/** A rep's agenda, cut into days of the rep's own time zone. */
export interface RepAgenda {
  readonly repId: string;
  readonly timeZone: string;
  /** The local date of `now` in the rep's zone. */
  readonly today: string;
  /** Open tasks due before today began, oldest first. */
  readonly overdue: readonly AgendaItem[];
  /** Open tasks and appointments of today (local midnight to local midnight). */
  readonly todayItems: readonly AgendaItem[];
  /** Open tasks and appointments after today, within `upcomingDays`. */
  readonly upcoming: readonly AgendaItem[];
}

/** What {@link repAgenda} asks. */
export interface RepAgendaQuery {
  readonly repId: string;
  /** The instant "now" is (the report date); the agenda never reads the clock. */
  readonly now: string;
  /** The rep's IANA time zone; days are cut there, so DST days are 23 or 25 hours. */
  readonly timeZone: string;
  /** How many days after today "upcoming" reaches; 7 by default. */
  readonly upcomingDays?: number;
}

const taskItem = (doc: AgendaTaskDocument): AgendaItem => ({
  kind: 'task',
  id: doc.taskId,
  title: doc.title,
  at: doc.dueAt,
  until: null,
  priority: doc.priority,
  link: doc.link,
  remindersDue: doc.remindersDue,
});

const appointmentItem = (doc: AgendaAppointmentDocument): AgendaItem => ({
  kind: 'appointment',
  id: doc.appointmentId,
  title: doc.title,
  at: doc.start,
  until: doc.end,
  priority: null,
  link: doc.link,
  remindersDue: [],
});

const byTime = (a: AgendaItem, b: AgendaItem) => Date.parse(a.at) - Date.parse(b.at);

/**
 * A rep's agenda from the `agenda` read model: overdue open tasks, today's tasks and
 * appointments, and the upcoming ones, with "today" the local day of `now` in the rep's zone. An
 * appointment counts on a day when any part of it falls in that day.
 */
export const repAgenda = async (
  readModels: ReadModelStore,
  query: RepAgendaQuery,
): Promise<RepAgenda> => {
  const { repId, timeZone } = query;
  const today = agendaDayAt(Date.parse(query.now), timeZone);
  let horizon = today;
  for (let day = 0; day < (query.upcomingDays ?? 7); day += 1) {
    horizon = agendaDayAt(horizon.end, timeZone);
  }
  const overdue: AgendaItem[] = [];
  const todayItems: AgendaItem[] = [];
  const upcoming: AgendaItem[] = [];
  const place = (item: AgendaItem, from: number, to: number) => {
    if (to <= today.start) return;
    if (from < today.end) todayItems.push(item);
    else if (from < horizon.end) upcoming.push(item);
  };
  for await (const { doc } of activeDocuments(readModels, 'agenda', AgendaTaskDocument, {
    keyPrefix: 'task:',
  })) {
    if (doc.assigneeId !== repId || doc.status !== 'open') continue;
    const due = Date.parse(doc.dueAt);
    if (due < today.start) overdue.push(taskItem(doc));
    else place(taskItem(doc), due, due + 1);
  }
  for await (const { doc } of activeDocuments(readModels, 'agenda', AgendaAppointmentDocument, {
    keyPrefix: 'appointment:',
  })) {
    if (doc.cancelled || !doc.reps.includes(repId)) continue;
    place(appointmentItem(doc), Date.parse(doc.start), Date.parse(doc.end));
  }
  return {
    repId,
    timeZone,
    today: today.date,
    overdue: overdue.sort(byTime),
    todayItems: todayItems.sort(byTime),
    upcoming: upcoming.sort(byTime),
  };
};
