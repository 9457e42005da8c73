import { simulatedStaff } from '../simulatedStaff.js';
import type { EventStore } from '@clientele/eventstore';
import type { ActivityService } from '../../activity/activityService.js';
import type { CalendarService } from '../../calendar/calendarService.js';
import type { ReminderClockPort, ReminderReactor } from '../../task/reminderReactor.js';
import type { TaskService } from '../../task/taskService.js';
import { createActivityService } from '../../activity/activityService.js';
import { createCalendarService } from '../../calendar/calendarService.js';
import { createReminderReactor } from '../../task/reminderReactor.js';
import { createTaskService } from '../../task/taskService.js';

/** The entry points of activities, tasks and the calendar over one store, with the reminder reactor. */
export interface EngagementServices {
  readonly activities: ActivityService;
  readonly tasks: TaskService;
  readonly calendar: CalendarService;
  readonly reminders: ReminderReactor;
}

/** Wires the engagement services over a store, as an app would; `clock` drives the reminders. */
export const createEngagementServices = (
  store: EventStore,
  clock: ReminderClockPort,
  newEventId?: () => string,
): EngagementServices => {
  const ids = {
    authorize: simulatedStaff(),
    ...(newEventId === undefined ? {} : { newEventId }),
  };
  const tasks = createTaskService(store, ids);
  return {
    activities: createActivityService(store, ids),
    tasks,
    calendar: createCalendarService(store, ids),
    reminders: createReminderReactor({ store, tasks, clock }),
  };
};
