import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import type { CalendarService } from '../calendar/calendarService.js';
import type { CustomerService } from '../customer/customerService.js';
import type { LeadService } from '../lead/leadService.js';
import type { OpportunityService } from '../opportunity/opportunityService.js';
import type { TaskService } from '../task/taskService.js';
import type { HandedOverRecord } from '../offboarding/values.js';

/** The entry points an offboarding loads records from and hands them over through. */
export interface HandOverServices {
  readonly customers: CustomerService;
  readonly leads: LeadService;
  readonly opportunities: OpportunityService;
  readonly tasks: TaskService;
  readonly calendar: CalendarService;
}

/** One record to hand over. */
export interface RecordRef {
  readonly recordType: HandedOverRecord;
  readonly recordId: string;
}

/** Where each kind of record names its owner, in the events that make someone its owner. */
const OWNERSHIP: Readonly<Record<string, { type: HandedOverRecord; id: string; owner: string }>> = {
  CustomerRegistered: { type: 'customer', id: 'customerId', owner: 'ownerId' },
  CustomerOwnerAssigned: { type: 'customer', id: 'customerId', owner: 'ownerId' },
  LeadAssigned: { type: 'lead', id: 'leadId', owner: 'ownerId' },
  OpportunityOpened: { type: 'opportunity', id: 'opportunityId', owner: 'ownerId' },
  OpportunityOwnerChanged: { type: 'opportunity', id: 'opportunityId', owner: 'ownerId' },
  TaskCreated: { type: 'task', id: 'taskId', owner: 'assigneeId' },
  TaskAssigned: { type: 'task', id: 'taskId', owner: 'assigneeId' },
  AppointmentBooked: { type: 'appointment', id: 'appointmentId', owner: 'organizerId' },
  AppointmentHandedOver: { type: 'appointment', id: 'appointmentId', owner: 'organizerId' },
};

const ORDER: readonly HandedOverRecord[] = [
  'customer',
  'lead',
  'opportunity',
  'task',
  'appointment',
];

const field = (event: RecordedEvent, name: string): unknown =>
  typeof event.data === 'object' && event.data !== null
    ? (event.data as Record<string, unknown>)[name]
    : undefined;

/** Records `repId` was ever made owner of, read from the log: the candidates to check. */
const everOwned = async (store: EventStore, repId: string): Promise<RecordRef[]> => {
  const seen = new Map<string, RecordRef>();
  for await (const event of store.readAll({ filter: { eventTypes: Object.keys(OWNERSHIP) } })) {
    const where = OWNERSHIP[event.type];
    const recordId = where === undefined ? undefined : field(event, where.id);
    if (where === undefined || field(event, where.owner) !== repId || typeof recordId !== 'string')
      continue;
    seen.set(`${where.type}:${recordId}`, { recordType: where.type, recordId });
  }
  return [...seen.values()];
};

type StillOwned = (
  services: HandOverServices,
  repId: string,
  id: string,
  from: string,
) => Promise<boolean>;

const OPEN_LEAD = new Set(['new', 'contacted', 'qualified']);

/** Per kind: whether the record is still the rep's and still needs someone, from its state now. */
const STILL_OWNED: Readonly<Record<HandedOverRecord, StillOwned>> = {
  customer: async (services, repId, id) => {
    const customer = await services.customers.load(id);
    return 'registered' in customer && customer.ownerId === repId && customer.status !== 'merged';
  },
  lead: async (services, repId, id) => {
    const lead = await services.leads.load(id);
    return 'captured' in lead && lead.ownerId === repId && OPEN_LEAD.has(lead.status);
  },
  opportunity: async (services, repId, id) => {
    const deal = await services.opportunities.load(id);
    return 'opened' in deal && deal.ownerId === repId && deal.status === 'open';
  },
  task: async (services, repId, id) => {
    const task = await services.tasks.load(id);
    return task.created && task.assigneeId === repId && task.status === 'open';
  },
  appointment: async (services, repId, id, from) => {
    const appointment = await services.calendar.load(id);
    return (
      appointment.booked &&
      !appointment.cancelled &&
      appointment.organizerId === repId &&
      Date.parse(appointment.end) > Date.parse(from)
    );
  },
};

/**
 * The records `repId` owns now and that still need someone: customers (not merged away), open
 * leads, open deals, open tasks and the appointments they organize that end after `from` (the
 * departure's time), in a fixed order (kind, then id) so a round-robin over them
 * deals the same records to the same successors on every replay.
 */
export const departingRepRecords = async (
  store: EventStore,
  services: HandOverServices,
  repId: string,
  from: string,
): Promise<readonly RecordRef[]> => {
  const owned: RecordRef[] = [];
  for (const record of await everOwned(store, repId))
    if (await STILL_OWNED[record.recordType](services, repId, record.recordId, from))
      owned.push(record);
  return owned.sort(
    (a, b) =>
      ORDER.indexOf(a.recordType) - ORDER.indexOf(b.recordType) ||
      (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0),
  );
};
