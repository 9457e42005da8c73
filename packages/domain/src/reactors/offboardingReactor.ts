import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  CommandContext,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { createReactorRunner, deriveId, systemActor } from '@clientele/eventstore';
import type { Departure } from '../offboarding/departures.js';
import { departureOf } from '../offboarding/departures.js';
import type { OffboardingService } from '../offboarding/offboardingService.js';
import type { Reassignment } from '../offboarding/state.js';
import { recordKey } from '../offboarding/state.js';
import type { HandOverServices } from './departingRepRecords.js';
import { departingRepRecords } from './departingRepRecords.js';

/** Options of {@link createOffboardingReactor}. */
export interface OffboardingReactorOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  /** Where the hand-overs are recorded. */
  readonly offboardings: OffboardingService;
  /** The entry points the records are loaded from and handed over through. */
  readonly services: HandOverServices;
  /** The checkpoint name; defaults to `offboarding`. */
  readonly name?: string;
  readonly lease?: LeaseOptions;
}

type Failure = { readonly kind: string };

/** The command of the record's own aggregate that gives it to its new owner. */
const handOver = (
  services: HandOverServices,
  repId: string,
  { recordType, recordId, toOwnerId }: Reassignment,
  context: CommandContext,
): Promise<E.Either<Failure, unknown>> => {
  switch (recordType) {
    case 'customer':
      return services.customers.handle(
        { kind: 'TransferCustomer', customerId: recordId, fromOwnerId: repId, toOwnerId },
        context,
      );
    case 'lead':
      return services.leads.handle(
        { kind: 'AssignLead', leadId: recordId, ownerId: toOwnerId, policy: 'offboarding' },
        context,
      );
    case 'opportunity':
      return services.opportunities.handle(
        { kind: 'ChangeOpportunityOwner', opportunityId: recordId, ownerId: toOwnerId },
        context,
      );
    case 'task':
      return services.tasks.handle(
        { kind: 'AssignTask', taskId: recordId, assigneeId: toOwnerId },
        context,
      );
    case 'appointment':
      return services.calendar.handle(
        { kind: 'HandOverAppointment', appointmentId: recordId, organizerId: toOwnerId },
        context,
      );
  }
};

// A refusal that can never succeed later is a fault of the wiring: stop and say so. A business
// rule (the record closed or changed hands since) means there is nothing left to hand over.
const FAULTS = new Set(['Forbidden', 'InvalidCommand', 'Conflict']);

/**
 * The offboarding process manager. On each `RepOffboarded` it deals the departing rep's open
 * records (see `departingRepRecords`) to the successors the departure named: the manager, or the
 * teammates in turn. First each hand-over is recorded on the departure's stream
 * (`RecordReassigned`), then it is sent to the record's own aggregate (`CustomerOwnerAssigned`,
 * `LeadAssigned`, `OpportunityOwnerChanged`, `TaskAssigned`, `AppointmentHandedOver`), as the system actor
 * `reactor:offboarding`, caused by the departure. Command ids derive from the departure's event id
 * and the record, and the round-robin continues from the hand-overs already recorded, so a replay
 * or a crash half-way hands over each record once, to the same successor.
 */
export const createOffboardingReactor = (options: OffboardingReactorOptions): ReactorRunner => {
  const { store, offboardings, services } = options;

  const contextOf = (event: RecordedEvent, departure: Departure, step: string): CommandContext => ({
    commandId: deriveId(event.eventId, step),
    actor: systemActor('reactor:offboarding', `hands over the records of ${departure.repId}`),
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    ...(departure.tenantId === undefined ? {} : { tenantId: departure.tenantId }),
  });

  const plan = async (
    event: RecordedEvent,
    departure: Departure,
  ): Promise<readonly Reassignment[]> => {
    const { repId } = departure;
    const before = await offboardings.load(repId);
    if (!before.offboarded) throw new Error(`${repId} has no departure on record`);
    const planned = new Set(before.reassignments.map((r) => recordKey(r.recordType, r.recordId)));
    let turn = before.reassignments.length;
    for (const record of await departingRepRecords(
      store,
      services,
      repId,
      event.metadata.occurredAt,
    )) {
      const key = recordKey(record.recordType, record.recordId);
      if (planned.has(key)) continue;
      const toOwnerId = before.successors[turn % before.successors.length] ?? repId;
      turn += 1;
      const recorded = await offboardings.handle(
        { kind: 'ReassignRecord', repId, ...record, toOwnerId },
        contextOf(event, departure, `plan:${key}`),
      );
      if (E.isLeft(recorded))
        throw new Error(`hand-over of ${key} was not recorded: ${JSON.stringify(recorded.left)}`);
    }
    const after = await offboardings.load(repId);
    return after.offboarded ? after.reassignments : [];
  };

  const react = async (event: RecordedEvent): Promise<void> => {
    const departure = departureOf(event);
    for (const reassignment of await plan(event, departure)) {
      const key = recordKey(reassignment.recordType, reassignment.recordId);
      const moved = await handOver(
        services,
        departure.repId,
        reassignment,
        contextOf(event, departure, `move:${key}`),
      );
      if (E.isLeft(moved) && FAULTS.has(moved.left.kind))
        throw new Error(`hand-over of ${key} was refused: ${JSON.stringify(moved.left)}`);
    }
  };

  return createReactorRunner({
    name: options.name ?? 'offboarding',
    store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ['RepOffboarded'] },
    react,
    lease: options.lease,
  });
};
