import { TicketEvent, withPersonalFieldsErased } from '@clientele/domain';
import type { JsonValue, Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import { type TicketDocument, ticketKey } from './ticketDocument.js';

const decode = domainEventDecoder(TicketEvent);

type StoredTicket = Omit<TicketDocument, 'events'> & {
  events: { type: string; data: JsonValue; occurredAt: string; eventId: string }[];
};

const statusAfter = (status: TicketDocument['status'], type: string): TicketDocument['status'] => {
  switch (type) {
    case 'TicketOpened':
    case 'TicketResumed':
    case 'TicketReopened':
      return 'open';
    case 'TicketWaitingOnCustomer':
      return 'waiting';
    case 'TicketResolved':
      return 'resolved';
    case 'TicketClosed':
      return 'closed';
    default:
      return status;
  }
};

/** `tickets`: one document per ticket, the base of the service report. */
export const ticketsProjection: Projection<StoredTicket> = {
  name: 'tickets',
  // 2: events are kept with their personal fields erased.
  version: 2,
  filter: { streamNamePrefixes: ['Ticket-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [ticketKey(decoded.data.ticketId)];
  },
  initial: () => ({
    ticketId: '',
    customerId: '',
    priority: 'normal',
    status: 'open',
    satisfaction: [],
    events: [],
  }),
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    const stored = {
      type: recorded.type,
      // Descriptions, comments and feedback are personal: the document keeps them as erased.
      data: withPersonalFieldsErased(TicketEvent, recorded.type, recorded.data) as JsonValue,
      occurredAt: recorded.metadata.occurredAt,
      eventId: recorded.eventId,
    };
    const next = {
      ...doc,
      status: statusAfter(doc.status, event.type),
      events: [...doc.events, stored],
    };
    switch (event.type) {
      case 'TicketOpened':
        return {
          ...next,
          ticketId: event.data.ticketId,
          customerId: event.data.customerId,
          priority: event.data.priority,
        };
      case 'TicketPrioritized':
        return { ...next, priority: event.data.priority };
      case 'TicketSatisfactionRecorded':
        return { ...next, satisfaction: [...doc.satisfaction, event.data.score] };
      default:
        return next;
    }
  },
};
