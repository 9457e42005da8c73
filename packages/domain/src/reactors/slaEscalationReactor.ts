import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, LeaseOptions, RecordedEvent } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  createLeaseKeeper,
  createReactorRunner,
  deriveId,
  systemActor,
} from '@clientele/eventstore';
import type { ReactorRunner } from '@clientele/eventstore';
import type { TicketService } from '../ticket/ticketService.js';
import type { BusinessCalendar } from '../sla/businessCalendar.js';
import type { SlaPolicy } from '../sla/slaPolicy.js';
import type { TimedTicketEvent } from '../sla/ticketSla.js';
import { TicketEvent } from '../ticket/events.js';
import { ticketSla } from '../sla/ticketSla.js';
import { decodeStoredEvent } from '../upcasting/domainUpcasters.js';

/** Where the escalation reactor learns the time: the only place that reads a clock. */
export interface SlaClockPort {
  /** The current instant, ISO-8601 with offset. */
  now(): string;
}

/** Options of {@link createSlaEscalationReactor}. */
export interface SlaEscalationOptions {
  readonly store: EventStore;
  readonly tickets: TicketService;
  readonly clock: SlaClockPort;
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
  /** The team breached tickets are escalated to. */
  readonly escalateTo: string;
  /** Checkpoint name; defaults to `sla-escalation`. */
  readonly name?: string;
  /**
   * Elects the one app server that escalates: the others follow tickets but send nothing while
   * another holds the lease, and take over when it expires.
   */
  readonly lease?: LeaseOptions;
}

/** Follows tickets and escalates those whose SLA deadline has passed. */
export interface SlaEscalationReactor {
  /** Follows Ticket events; `runner.catchUp()` reads them up to the head of the log. */
  readonly runner: ReactorRunner;
  /**
   * Sends an escalation for every open breach the clock shows; resolves with how many were new
   * (0 while another app server holds the lease).
   */
  readonly escalateDue: () => Promise<number>;
}

/**
 * The SLA escalation reactor. It follows Ticket events, and when the clock port says a first
 * response or a resolution is overdue it sends `EscalateTicket` (reason `sla_breach:<target>`), a
 * command recorded like any other. The command id derives from the event that started the clock,
 * so asking again, after a restart or on another node, escalates nothing twice.
 */
export const createSlaEscalationReactor = (options: SlaEscalationOptions): SlaEscalationReactor => {
  const { store, tickets, clock, policy, calendar } = options;
  const watched = new Map<
    string,
    { tenantId?: string; escalatedTo?: string; events: TimedTicketEvent[] }
  >();

  const react = async (recorded: RecordedEvent): Promise<void> => {
    const decoded = decodeStoredEvent(TicketEvent, recorded);
    if (E.isLeft(decoded)) return;
    const event = decoded.right;
    const { ticketId } = event.data;
    if (event.type === 'TicketClosed') {
      watched.delete(ticketId);
      return;
    }
    const entry = watched.get(ticketId) ?? {
      ...(recorded.metadata.tenantId === undefined ? {} : { tenantId: recorded.metadata.tenantId }),
      events: [],
    };
    if (event.type === 'TicketEscalated') entry.escalatedTo = event.data.escalatedTo;
    entry.events.push({
      event,
      occurredAt: recorded.metadata.occurredAt,
      eventId: recorded.eventId,
    });
    watched.set(ticketId, entry);
  };

  const leaseName = options.name ?? 'sla-escalation';
  const runner = createReactorRunner({
    name: leaseName,
    store,
    // The tickets it watches live in memory, so each start reads Ticket events from the beginning
    // rather than from a durable checkpoint; escalations stay single through their derived ids.
    checkpoints: createInMemoryCheckpointStore(),
    filter: { streamNamePrefixes: ['Ticket-'] },
    react,
  });

  const keeper = options.lease === undefined ? undefined : createLeaseKeeper(options.lease);

  /** The targets of a ticket that are breached and still unmet now, with the event that started each clock. */
  const overdueTargets = (events: readonly TimedTicketEvent[], now: string) => {
    const sla = ticketSla(events, policy, calendar, now);
    if (sla === undefined) return [];
    const measures = [
      ['first_response', sla.firstResponse],
      ['resolution', sla.resolutions[sla.resolutions.length - 1]],
    ] as const;
    return measures.flatMap(([target, measure]) =>
      measure?.breached === true && measure.metAt === null && measure.startedByEventId !== undefined
        ? [{ target, startedBy: measure.startedByEventId }]
        : [],
    );
  };

  /** Sends one escalation; true when it appended an event (not a repeat of an earlier one). */
  const escalate = async (
    ticketId: string,
    tenantId: string | undefined,
    overdue: { readonly target: string; readonly startedBy: string },
    now: string,
  ): Promise<boolean> => {
    const result = await tickets.handle(
      {
        kind: 'EscalateTicket',
        ticketId,
        escalatedTo: options.escalateTo,
        reason: `sla_breach:${overdue.target}`,
      },
      {
        commandId: deriveId(overdue.startedBy, `sla-escalation:${overdue.target}`),
        actor: systemActor('sla-escalation', 'escalates a ticket whose deadline passed'),
        occurredAt: now,
        causationId: overdue.startedBy,
        ...(tenantId === undefined ? {} : { tenantId }),
      },
    );
    return E.isRight(result) && result.right.events.length > 0;
  };

  const escalateDue = async (): Promise<number> => {
    if (keeper !== undefined && (await keeper.acquire(leaseName)) === undefined) return 0;
    const now = clock.now();
    let sent = 0;
    for (const [ticketId, { tenantId, escalatedTo, events }] of watched) {
      // A ticket already escalated to the team would decide no event: sending the command again,
      // every round for every breached ticket, would only load its stream and take the write lock.
      if (escalatedTo === options.escalateTo) continue;
      for (const overdue of overdueTargets(events, now)) {
        if (await escalate(ticketId, tenantId, overdue, now)) sent += 1;
      }
    }
    return sent;
  };

  return { runner, escalateDue };
};
