import type { InvoiceEvent } from '@clientele/domain';
import { InvoiceEvent as InvoiceEventCodec } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { domainEventDecoder } from '../../readModels/domainEvent.js';
import type { DatedEvent } from './datedEvents.js';
import { datedEvents } from './datedEvents.js';

/** A customer's buying and paying as known on a day, in one currency. */
export interface CustomerPurchases {
  readonly customerId: string;
  /** Invoices issued and not cancelled. */
  readonly invoices: number;
  /** The issue days of those invoices, ascending. */
  readonly invoiceDays: readonly string[];
  /** Payments received minus refunds, in minor units. */
  readonly collectedMinor: number;
  /** Each payment (minus refunds of it) by the day it was received: what CLV sums by period. */
  readonly collectedByDay: Readonly<Record<string, number>>;
  readonly lastPaidOn: string | null;
}

const decode = domainEventDecoder(InvoiceEventCodec);

/** The Invoice events of a log, decoded once and dated. */
export const datedInvoiceEvents = (events: Iterable<RecordedEvent>): DatedEvent<InvoiceEvent>[] =>
  datedEvents(events, decode);

const empty = (customerId: string): CustomerPurchases => ({
  customerId,
  invoices: 0,
  invoiceDays: [],
  collectedMinor: 0,
  collectedByDay: {},
  lastPaidOn: null,
});

const collect = (p: CustomerPurchases, day: string, minor: number): CustomerPurchases => ({
  ...p,
  collectedMinor: p.collectedMinor + minor,
  collectedByDay: { ...p.collectedByDay, [day]: (p.collectedByDay[day] ?? 0) + minor },
});

/** A customer after a payment, refund or cancellation of one of their invoices; undefined for other events. */
const afterPayment = (p: CustomerPurchases, event: InvoiceEvent): CustomerPurchases | undefined => {
  if (event.type === 'InvoicePaymentRecorded') {
    const paid = collect(p, event.data.receivedOn, event.data.amount.amountMinor);
    const received = event.data.receivedOn;
    return {
      ...paid,
      lastPaidOn: p.lastPaidOn === null || received > p.lastPaidOn ? received : p.lastPaidOn,
    };
  }
  if (event.type === 'InvoicePaymentRefunded')
    return collect(p, event.data.paymentReceivedOn, 0 - event.data.amount.amountMinor);
  if (event.type === 'InvoiceCancelled') return { ...p, invoices: p.invoices - 1 };
  return undefined;
};

/**
 * Every customer's invoices and collected payments in `currency` as known on `day`: a fold of
 * the Invoice events that happened by then, and of nothing later.
 */
export const purchasesAsOf = (
  events: readonly DatedEvent<InvoiceEvent>[],
  day: string,
  currency: string,
): ReadonlyMap<string, CustomerPurchases> => {
  const customers = new Map<string, CustomerPurchases>();
  const customerOfInvoice = new Map<string, string>();
  for (const { day: happened, event } of events) {
    if (happened > day) continue;
    if (event.type === 'InvoiceIssued') {
      if (event.data.total.currency !== currency) continue;
      customerOfInvoice.set(event.data.invoiceId, event.data.customerId);
      const p = customers.get(event.data.customerId) ?? empty(event.data.customerId);
      customers.set(p.customerId, {
        ...p,
        invoices: p.invoices + 1,
        invoiceDays: [...p.invoiceDays, event.data.issuedOn].sort(),
      });
      continue;
    }
    const customerId = customerOfInvoice.get(event.data.invoiceId);
    const p = customerId === undefined ? undefined : customers.get(customerId);
    if (p === undefined) continue;
    const next = afterPayment(p, event);
    if (next !== undefined) customers.set(p.customerId, next);
  }
  return customers;
};
