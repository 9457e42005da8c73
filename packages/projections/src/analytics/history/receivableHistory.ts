import type { InvoiceEvent, TicketEvent } from '@clientele/domain';
import { TicketEvent as TicketEventCodec } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { domainEventDecoder } from '../../readModels/domainEvent.js';
import type { DatedEvent } from './datedEvents.js';
import { datedEvents } from './datedEvents.js';

/** One invoice as known on a day: what payment behaviour is read from. */
export interface InvoiceFacts {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly totalMinor: number;
  /** Received less refunded, written off, or cancelled: what no longer counts as owed. */
  readonly settledMinor: number;
  /** The day the last unit owed was settled by a payment; null while something is owed. */
  readonly paidOn: string | null;
  readonly disputesOpened: readonly string[];
  readonly closed: boolean;
}

/** Every invoice as known on `day`, from the Invoice events that happened by then. */
export const invoicesAsOf = (
  events: readonly DatedEvent<InvoiceEvent>[],
  day: string,
): ReadonlyMap<string, InvoiceFacts> => {
  const invoices = new Map<string, InvoiceFacts>();
  for (const { day: happened, event } of events) {
    if (happened > day) continue;
    if (event.type === 'InvoiceIssued') {
      invoices.set(event.data.invoiceId, {
        invoiceId: event.data.invoiceId,
        customerId: event.data.customerId,
        issuedOn: event.data.issuedOn,
        dueOn: event.data.dueOn,
        totalMinor: event.data.total.amountMinor,
        settledMinor: 0,
        paidOn: null,
        disputesOpened: [],
        closed: false,
      });
      continue;
    }
    const invoice = invoices.get(event.data.invoiceId);
    if (invoice !== undefined) invoices.set(invoice.invoiceId, evolveInvoice(invoice, event));
  }
  return invoices;
};

const evolveInvoice = (invoice: InvoiceFacts, event: InvoiceEvent): InvoiceFacts => {
  switch (event.type) {
    case 'InvoicePaymentRecorded': {
      const settledMinor = invoice.settledMinor + event.data.amount.amountMinor;
      const paidOn = settledMinor >= invoice.totalMinor ? event.data.receivedOn : null;
      return { ...invoice, settledMinor, paidOn };
    }
    case 'InvoicePaymentRefunded':
      return {
        ...invoice,
        settledMinor: invoice.settledMinor - event.data.amount.amountMinor,
        paidOn: null,
      };
    case 'InvoiceDisputed':
      return { ...invoice, disputesOpened: [...invoice.disputesOpened, event.data.openedOn] };
    case 'InvoiceWrittenOff':
      return { ...invoice, settledMinor: invoice.totalMinor, closed: true };
    case 'InvoiceCancelled':
      return { ...invoice, settledMinor: invoice.totalMinor, closed: true };
    case 'InvoiceIssued':
    case 'InvoiceCreditHeld':
    case 'InvoiceDisputeResolved':
    case 'InvoiceBillingContactCorrected':
      return invoice;
  }
};

/** A customer's support tickets as known on a day. */
export interface CustomerTickets {
  readonly open: number;
  /** Open tickets that were escalated: the log's sign of a ticket gone wrong. */
  readonly escalatedOpen: number;
}

const ticketDecode = domainEventDecoder(TicketEventCodec);

/** The Ticket events of a log, decoded once and dated. */
export const datedTicketEvents = (events: Iterable<RecordedEvent>): DatedEvent<TicketEvent>[] =>
  datedEvents(events, ticketDecode);

/** Open and escalated-open tickets per customer on `day`. */
export const ticketsAsOf = (
  events: readonly DatedEvent<TicketEvent>[],
  day: string,
): ReadonlyMap<string, CustomerTickets> => {
  const tickets = new Map<string, TicketSketch>();
  for (const { day: happened, event } of events) {
    if (happened > day) continue;
    if (event.type === 'TicketOpened')
      tickets.set(event.data.ticketId, {
        customerId: event.data.customerId,
        open: true,
        escalated: false,
      });
    else {
      const ticket = tickets.get(event.data.ticketId);
      if (ticket !== undefined) tickets.set(event.data.ticketId, evolveTicket(ticket, event));
    }
  }
  return openTicketsByCustomer(tickets.values());
};

/** What a ticket's churn signal needs: whose it is, whether it is open, whether it was escalated. */
interface TicketSketch {
  readonly customerId: string;
  readonly open: boolean;
  readonly escalated: boolean;
}

const evolveTicket = (ticket: TicketSketch, event: TicketEvent): TicketSketch => {
  if (event.type === 'TicketEscalated') return { ...ticket, escalated: true };
  if (event.type === 'TicketResolved' || event.type === 'TicketClosed')
    return { ...ticket, open: false };
  if (event.type === 'TicketReopened') return { ...ticket, open: true };
  return ticket;
};

const openTicketsByCustomer = (
  tickets: Iterable<TicketSketch>,
): ReadonlyMap<string, CustomerTickets> => {
  const byCustomer = new Map<string, CustomerTickets>();
  for (const ticket of tickets) {
    if (!ticket.open) continue;
    const counts = byCustomer.get(ticket.customerId) ?? { open: 0, escalatedOpen: 0 };
    byCustomer.set(ticket.customerId, {
      open: counts.open + 1,
      escalatedOpen: counts.escalatedOpen + (ticket.escalated ? 1 : 0),
    });
  }
  return byCustomer;
};
