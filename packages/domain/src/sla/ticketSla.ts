import type { TicketEvent } from '../ticket/events.js';
import type { TicketPriority } from '../ticket/values.js';
import type { BusinessCalendar } from './businessCalendar.js';
import type { SlaPolicy } from './slaPolicy.js';
import { addBusinessMillis, businessMillisBetween } from './businessCalendar.js';
import { formatZoned } from './zonedTime.js';

/** A ticket event with the business time it happened (its metadata's `occurredAt`). */
export interface TimedTicketEvent {
  readonly event: TicketEvent;
  readonly occurredAt: string;
  /** The stored event's id, when known: escalations derive their command ids from it. */
  readonly eventId?: string;
}

/** One SLA target as measured: when it is due, when it was met, whether it was breached. */
export interface SlaMeasure {
  /** Null while the clock is paused (waiting on the customer) before the target ran out. */
  readonly dueAt: string | null;
  readonly metAt: string | null;
  readonly breached: boolean;
  /** Business minutes the clock has run, up to the moment it was met or to `asOf`. */
  readonly businessMinutes: number;
  /** The event that started this clock (the opening or a reopening). */
  readonly startedByEventId: string | undefined;
}

/** A ticket's SLA as of a moment. */
export interface TicketSla {
  readonly ticketId: string;
  readonly priority: TicketPriority;
  readonly firstResponse: SlaMeasure;
  /** One resolution clock per cycle: the opening, then each reopening. */
  readonly resolutions: readonly SlaMeasure[];
}

/** Events that show the customer an agent is on it: the first one is the first response. */
const RESPONSES = new Set(['TicketAssigned', 'TicketWaitingOnCustomer', 'TicketResolved']);

const isResponse = (event: TicketEvent): boolean =>
  RESPONSES.has(event.type) ||
  (event.type === 'TicketCommented' && event.data.visibility === 'public');

interface Clock {
  readonly start: number;
  readonly startedByEventId: string | undefined;
  readonly pauses: [number, number | undefined][];
  metAt: number | undefined;
}

/**
 * Measures a clock: walks its running intervals (between pauses) until the target's business time
 * is used up, which gives the due instant; breached when met after it, or not met by `asOf`.
 */
const measure = (
  calendar: BusinessCalendar,
  clock: Clock,
  targetMinutes: number,
  asOf: number,
): SlaMeasure => {
  const end = clock.metAt ?? asOf;
  let remaining = targetMinutes * 60_000;
  let cursor: number | undefined = clock.start;
  let due: number | undefined;
  let used = 0;
  for (const [pauseStart, pauseEnd] of [...clock.pauses, [Infinity, undefined] as const]) {
    if (cursor === undefined) break;
    const running = businessMillisBetween(calendar, cursor, Math.min(pauseStart, end));
    used += running;
    if (due === undefined) {
      const available =
        pauseStart === Infinity ? Infinity : businessMillisBetween(calendar, cursor, pauseStart);
      if (available >= remaining) {
        due = addBusinessMillis(calendar, cursor, remaining);
      } else remaining -= available;
    }
    cursor = pauseEnd;
  }
  const zone = calendar.timeZone;
  return {
    dueAt: due === undefined ? null : formatZoned(due, zone),
    metAt: clock.metAt === undefined ? null : formatZoned(clock.metAt, zone),
    breached: due !== undefined && end > due,
    businessMinutes: Math.floor(used / 60_000),
    startedByEventId: clock.startedByEventId,
  };
};

/** The clocks of one ticket as its events are walked. */
interface SlaClocks {
  ticketId: string | undefined;
  priority: TicketPriority;
  firstResponse: Clock | undefined;
  readonly cycles: Clock[];
}

const startClock = (at: number, eventId: string | undefined): Clock => ({
  start: at,
  startedByEventId: eventId,
  pauses: [],
  metAt: undefined,
});

/** The current resolution cycle's clock: waiting pauses it, resuming or resolving ends the pause. */
const runCycle = (cycle: Clock, event: TicketEvent, at: number): void => {
  const pause = cycle.pauses[cycle.pauses.length - 1];
  const waitEnds = event.type === 'TicketResumed' || event.type === 'TicketResolved';
  if (pause !== undefined && pause[1] === undefined && waitEnds) pause[1] = at;
  if (event.type === 'TicketWaitingOnCustomer') cycle.pauses.push([at, undefined]);
  if (event.type === 'TicketResolved' && cycle.metAt === undefined) cycle.metAt = at;
};

const runClocks = (clocks: SlaClocks, { event, eventId }: TimedTicketEvent, at: number): void => {
  if (event.type === 'TicketOpened') {
    clocks.ticketId = event.data.ticketId;
    clocks.priority = event.data.priority;
    clocks.firstResponse = startClock(at, eventId);
    clocks.cycles.push(startClock(at, eventId));
    return;
  }
  const { firstResponse } = clocks;
  if (firstResponse !== undefined && firstResponse.metAt === undefined && isResponse(event)) {
    firstResponse.metAt = at;
  }
  const cycle = clocks.cycles[clocks.cycles.length - 1];
  if (cycle === undefined) return;
  runCycle(cycle, event, at);
  if (event.type === 'TicketPrioritized') clocks.priority = event.data.priority;
  if (event.type === 'TicketReopened') clocks.cycles.push(startClock(at, eventId));
};

/**
 * A ticket's first-response and resolution SLA as of `asOf`, computed from its events alone (so a
 * replay never invents a breach). Targets are those of the ticket's latest priority, in business
 * time of the tenant's calendar; time waiting on the customer pauses the resolution clock. Events
 * after `asOf` are ignored. Undefined when the ticket was not opened by then.
 */
export const ticketSla = (
  events: readonly TimedTicketEvent[],
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  asOf: string,
): TicketSla | undefined => {
  const until = Date.parse(asOf);
  const clocks: SlaClocks = {
    ticketId: undefined,
    priority: 'normal',
    firstResponse: undefined,
    cycles: [],
  };
  for (const timed of events) {
    const at = Date.parse(timed.occurredAt);
    if (at > until) break;
    runClocks(clocks, timed, at);
  }
  const { ticketId, priority, firstResponse, cycles } = clocks;
  if (ticketId === undefined || firstResponse === undefined) return undefined;
  return {
    ticketId,
    priority,
    firstResponse: measure(calendar, firstResponse, policy.firstResponse[priority], until),
    resolutions: cycles.map((cycle) =>
      measure(calendar, cycle, policy.resolution[priority], until),
    ),
  };
};
