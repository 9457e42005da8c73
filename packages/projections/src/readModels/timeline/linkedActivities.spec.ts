import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';
import { lead, opened } from '../../testing/salesEvents.js';
import { customersProjection } from '../customers/customersProjection.js';
import { dealsProjection } from '../deals/dealsProjection.js';
import { leadsProjection } from '../leads/leadsProjection.js';
import { customerTimeline } from './customerTimeline.js';
import { saleCommissionsProjection } from './saleCommissionsProjection.js';
import { timelineProjection } from './timelineProjection.js';
import { customerRegistered } from '../../testing/customerEvents.js';

const registered = (customerId: string, leadId?: string) =>
  customerRegistered(customerId, '2026-01-10', leadId === undefined ? {} : { leadId });
type Link = { readonly type: string; readonly id: string };
const activityOn = (activityId: string, on: Link): HistoryEntry => ({
  stream: `Activity-${activityId}`,
  type: 'ActivityLogged',
  data: {
    activityId,
    kind: 'call',
    on: [on],
    ownerId: 'rep-1',
    at: '2026-02-02T10:00:00.000Z',
    subjectId: 's-C1',
  },
  at: '2026-02-02T10:00:00.000Z',
});
const taskOn = (taskId: string, link: Link): HistoryEntry => ({
  stream: `Task-${taskId}`,
  type: 'TaskCreated',
  data: {
    taskId,
    title: 'Send the proposal',
    assigneeId: 'rep-1',
    dueAt: '2026-02-05T10:00:00.000Z',
    priority: 'normal',
    timeZone: 'Europe/Rome',
    reminders: [],
    link,
  },
  at: '2026-02-03',
});
const appointmentOn = (appointmentId: string, link: Link): HistoryEntry => ({
  stream: `Appointment-${appointmentId}`,
  type: 'AppointmentBooked',
  data: {
    appointmentId,
    title: 'Demo',
    start: '2026-02-10T10:00:00.000Z',
    end: '2026-02-10T11:00:00.000Z',
    timeZone: 'Europe/Rome',
    organizerId: 'rep-1',
    reps: ['rep-1'],
    contacts: [],
    link,
  },
  at: '2026-02-04',
});

const events = createInMemoryEventStore();
const readModels = createInMemoryReadModelStore();

beforeAll(async () => {
  await appendHistory(events, [
    lead('L1', 'web', '2026-01-05'),
    registered('C1', 'L1'),
    registered('C2'),
    opened('O1', '2026-01-11', { customerId: 'C1' }),
    opened('O2', '2026-01-12', { customerId: 'C2' }),
    // Logged against the deal only, before and after the deal's customer is known.
    activityOn('A1', { type: 'opportunity', id: 'O1' }),
    taskOn('T1', { type: 'opportunity', id: 'O1' }),
    appointmentOn('M1', { type: 'lead', id: 'L1' }),
    activityOn('A2', { type: 'opportunity', id: 'O2' }),
  ]);
  await createProjectionRunner({
    events,
    readModels,
    projections: [
      timelineProjection,
      saleCommissionsProjection,
      customersProjection,
      leadsProjection,
      dealsProjection,
    ],
  }).catchUp();
});

describe('activities on a deal or a lead, on the customer timeline', () => {
  it('shows an activity, a task and an appointment logged only on the customer’s deal or lead', async () => {
    const { entries } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C1'),
    );
    expect(entries.map((entry) => [entry.streamName, entry.type])).toEqual([
      ['Lead-L1', 'LeadCaptured'],
      ['Customer-C1', 'CustomerRegistered'],
      ['Opportunity-O1', 'OpportunityOpened'],
      ['Activity-A1', 'ActivityLogged'],
      ['Task-T1', 'TaskCreated'],
      ['Appointment-M1', 'AppointmentBooked'],
    ]);
  });

  it('keeps another customer’s deal activities off the timeline', async () => {
    const { entries } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C2'),
    );
    expect(entries.map((entry) => entry.streamName)).toEqual([
      'Customer-C2',
      'Opportunity-O2',
      'Activity-A2',
    ]);
  });

  it('lists each linked stream once when the same event is applied again', async () => {
    for await (const event of events.readAll()) {
      for (const key of timelineProjection.keysOf(event)) {
        const once = timelineProjection.apply(timelineProjection.initial(key), event, key);
        expect(timelineProjection.apply(once, event, key)).toEqual(once);
      }
    }
  });
});
