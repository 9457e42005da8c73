import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyProjection } from '../../projection/projection.js';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import type { HistoryEntry } from '../../testing/domainHistory.js';
import { appendHistory } from '../../testing/domainHistory.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';
import { customersProjection } from '../customers/customersProjection.js';
import { customerTimeline } from '../timeline/customerTimeline.js';
import { timelineProjection } from '../timeline/timelineProjection.js';
import { activityCountsProjection } from './activityCountsProjection.js';
import { agendaProjection } from './agendaProjection.js';
import {
  activityCountsReport,
  followUpCompliance,
  neglectedCustomers,
} from './engagementReports.js';
import { isoWeekOf } from './isoWeek.js';
import { lastContactProjection } from './lastContactProjection.js';
import { repAgenda } from './repAgenda.js';
import { customerRegistered } from '../../testing/customerEvents.js';

const customer = (customerId: string, at: string) => customerRegistered(customerId, at);
const activity = (
  id: string,
  kind: string,
  on: { readonly customerId: string; readonly at: string },
  extra = {},
): HistoryEntry => ({
  stream: `Activity-${id}`,
  type: 'ActivityLogged',
  data: {
    activityId: id,
    kind,
    on: [{ type: 'customer', id: on.customerId }],
    ownerId: 'rep-1',
    at: on.at,
    subjectId: `s-${on.customerId}`,
    ...extra,
  },
  at: on.at,
});
const task = (id: string, dueAt: string, at: string, link?: string): HistoryEntry => ({
  stream: `Task-${id}`,
  type: 'TaskCreated',
  data: {
    taskId: id,
    title: `Task ${id}`,
    assigneeId: 'rep-1',
    dueAt,
    priority: 'normal',
    timeZone: 'Europe/Rome',
    reminders: [30],
    ...(link === undefined ? {} : { link: { type: 'customer', id: link } }),
  },
  at,
});
const completed = (id: string, dueAt: string, completedAt: string): HistoryEntry => ({
  stream: `Task-${id}`,
  type: 'TaskCompleted',
  data: { taskId: id, assigneeId: 'rep-1', dueAt, completedAt, onTime: completedAt <= dueAt },
  at: completedAt,
});
const appointment = (id: string, start: string, end: string, customerId: string): HistoryEntry => ({
  stream: `Appointment-${id}`,
  type: 'AppointmentBooked',
  data: {
    appointmentId: id,
    title: `Meeting ${id}`,
    start,
    end,
    timeZone: 'Europe/Rome',
    organizerId: 'rep-1',
    reps: ['rep-1', 'rep-2'],
    contacts: [],
    link: { type: 'customer', id: customerId },
  },
  at: '2026-03-01T08:00:00.000Z',
});

const history: HistoryEntry[] = [
  customer('C1', '2026-01-05'),
  customer('C2', '2026-01-05'),
  customer('C3', '2026-01-05'),
  activity(
    'A1',
    'call',
    { customerId: 'C1', at: '2026-03-02T10:00:00.000Z' },
    {
      call: { direction: 'outbound', durationSeconds: 120, outcome: 'connected' },
    },
  ),
  activity(
    'A2',
    'note',
    { customerId: 'C1', at: '2026-03-03T10:00:00.000Z' },
    { notes: 'prefers mornings' },
  ),
  activity(
    'A3',
    'visit',
    { customerId: 'C2', at: '2026-01-20T10:00:00.000Z' },
    {
      checkIn: { at: '2026-01-20T10:00:00.000Z', placeName: 'HQ', distanceMeters: 40 },
    },
  ),
  {
    stream: 'Lead-L1',
    type: 'LeadContactAttempted',
    data: {
      leadId: 'L1',
      subjectId: 's-L1',
      attemptId: 'x1',
      channel: 'call',
      at: '2026-03-04T10:00:00.000Z',
    },
    at: '2026-03-04T10:00:00.000Z',
  },
  // Rome is UTC+1 in March until the 29th: "today" on 10 March runs from 09 Mar 23:00Z.
  task('T1', '2026-03-09T08:00:00.000Z', '2026-03-01', 'C1'), // overdue
  task('T2', '2026-03-09T23:30:00.000Z', '2026-03-01'), // 10 March 00:30 in Rome: today
  task('T3', '2026-03-12T09:00:00.000Z', '2026-03-01'), // upcoming
  task('T4', '2026-03-05T09:00:00.000Z', '2026-03-01'),
  completed('T4', '2026-03-05T09:00:00.000Z', '2026-03-05T08:00:00.000Z'), // on time
  task('T5', '2026-03-06T09:00:00.000Z', '2026-03-01'),
  completed('T5', '2026-03-06T09:00:00.000Z', '2026-03-07T08:00:00.000Z'), // late
  appointment('M1', '2026-03-10T13:00:00.000Z', '2026-03-10T14:00:00.000Z', 'C1'),
];

const events = createInMemoryEventStore();
const readModels = createInMemoryReadModelStore();
const projections = [
  agendaProjection,
  activityCountsProjection,
  lastContactProjection,
  customersProjection,
  timelineProjection,
];

beforeAll(async () => {
  await appendHistory(events, history);
  await createProjectionRunner({ events, readModels, projections }).catchUp();
});

describe('engagement read models', () => {
  it('cut a rep’s agenda into overdue, today and upcoming in the rep’s own zone', async () => {
    const agenda = await repAgenda(readModels, {
      repId: 'rep-1',
      now: '2026-03-10T07:00:00.000Z',
      timeZone: 'Europe/Rome',
    });
    expect(agenda.today).toBe('2026-03-10');
    expect(agenda.overdue.map((item) => item.id)).toEqual(['T1']);
    expect(agenda.todayItems.map((item) => item.id)).toEqual(['T2', 'M1']);
    expect(agenda.upcoming.map((item) => item.id)).toEqual(['T3']);
  });

  it('show the same task on another day for a rep in New York', async () => {
    const agenda = await repAgenda(readModels, {
      repId: 'rep-1',
      now: '2026-03-10T07:00:00.000Z',
      timeZone: 'America/New_York',
    });
    // 07:00Z is 03:00 on 10 March in New York; T2 (23:30Z on the 9th) was 19:30 on the 9th.
    expect(agenda.overdue.map((item) => item.id)).toEqual(['T1', 'T2']);
  });

  it('count activities per rep and ISO week by kind, lead contact attempts included', async () => {
    const rows = await activityCountsReport(readModels);
    expect(rows.find((row) => row.week === '2026-W10')).toMatchObject({
      repId: 'rep-1',
      counts: { call: 2, note: 1, visit: 0 },
      total: 3,
    });
  });

  it('list the customers with no contact in N days, notes not counting as contact', async () => {
    const rows = await allowed(
      neglectedCustomers(readModels, administratorAccess, {
        asOf: '2026-03-10T00:00:00.000Z',
        days: 30,
      }),
    );
    expect(rows.map((row) => [row.customerId, row.daysSince, row.lastContactKind])).toEqual([
      ['C3', null, null],
      ['C2', 48, 'visit'],
    ]);
  });

  it('measure follow-up compliance as the share of due tasks done on time', async () => {
    const rows = await followUpCompliance(readModels, { asOf: '2026-03-10T07:00:00.000Z' });
    expect(rows).toEqual([
      {
        assigneeId: 'rep-1',
        due: 4,
        doneOnTime: 1,
        doneLate: 1,
        overdue: 2,
        onTimeShare: { numerator: 1, denominator: 4, value: 0.25 },
      },
    ]);
  });

  it('show activities, tasks and appointments on the customer’s timeline', async () => {
    const { entries } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C1'),
    );
    expect(entries.map((entry) => entry.type)).toEqual([
      'CustomerRegistered',
      'ActivityLogged',
      'ActivityLogged',
      'TaskCreated',
      'AppointmentBooked',
    ]);
  });

  it('leave every document unchanged when the same events are applied again', async () => {
    const projections: readonly AnyProjection[] = [
      agendaProjection,
      activityCountsProjection,
      lastContactProjection,
    ];
    for await (const event of events.readAll()) {
      for (const projection of projections) {
        for (const key of projection.keysOf(event)) {
          const once: unknown = projection.apply(projection.initial(key), event, key);
          expect(projection.apply(once, event, key)).toEqual(once);
        }
      }
    }
  });

  it('name ISO weeks the way the standard does at year ends', () => {
    expect(isoWeekOf('2026-01-01T00:00:00Z')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01T00:00:00Z')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30T00:00:00Z')).toBe('2025-W01');
  });
});
