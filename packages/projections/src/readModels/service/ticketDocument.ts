import * as t from 'io-ts';

/**
 * One ticket as the service report needs it: current status and priority, satisfaction scores,
 * and its events with their business times, from which the domain's SLA functions measure
 * response and resolution at query time (a ticket has tens of events, not thousands).
 */
export const TicketDocument = t.type(
  {
    ticketId: t.string,
    customerId: t.string,
    priority: t.string,
    status: t.keyof({ open: null, waiting: null, resolved: null, closed: null }),
    satisfaction: t.array(t.number),
    events: t.array(
      t.type({ type: t.string, data: t.unknown, occurredAt: t.string, eventId: t.string }),
    ),
  },
  'TicketDocument',
);
/** One ticket as the service report needs it. */
export type TicketDocument = t.TypeOf<typeof TicketDocument>;

/** The key of a ticket document. */
export const ticketKey = (ticketId: string): string => `ticket:${ticketId}`;
