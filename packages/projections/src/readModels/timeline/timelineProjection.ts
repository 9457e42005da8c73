import * as t from 'io-ts';
import type { RecordedEvent } from '@clientele/eventstore';
import type { Projection } from '../../projection/projection.js';

/**
 * The streams that touched one customer: its own, its leads, opportunities, tickets, invoices,
 * and the streams of customers merged into it. The events themselves stay in the log; the
 * timeline reads them from there, so nothing is copied.
 */
export const TimelineDocument = t.type({ streams: t.array(t.string) }, 'TimelineDocument');
/** The streams that touched one customer. */
export type TimelineDocument = t.TypeOf<typeof TimelineDocument>;

/** The key of a customer's timeline document. */
export const timelineKey = (customerId: string): string => `customer:${customerId}`;

/**
 * The key of the document listing the activity, task and appointment streams linked to a record
 * of another stream (a deal, a lead, a ticket): a customer's timeline that holds that stream
 * reads them too, so an activity logged only on a deal shows on its customer's timeline.
 */
export const linkedStreamsKey = (stream: string): string => `linked:${stream}`;

/** The stream category of the records whose linked activities follow them onto a timeline. */
const LINKED_CATEGORY: Readonly<Record<string, string>> = {
  opportunity: 'Opportunity',
  lead: 'Lead',
  ticket: 'Ticket',
};

const textField = (data: unknown, field: string): string | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
};

/** The ids an export listed (`customerIds` of `CustomersExported`). */
const exportedCustomers = (event: RecordedEvent): string[] => {
  if (event.type !== 'CustomersExported' || typeof event.data !== 'object' || event.data === null)
    return [];
  const ids = (event.data as Record<string, unknown>)['customerIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

/** The customer a record link (`{ type: 'customer', id }`) names, if it is one. */
const linkedCustomer = (link: unknown): string | undefined =>
  typeof link === 'object' &&
  link !== null &&
  (link as Record<string, unknown>)['type'] === 'customer' &&
  typeof (link as Record<string, unknown>)['id'] === 'string'
    ? ((link as Record<string, unknown>)['id'] as string)
    : undefined;

/** The record links an event makes: an activity's `on` and `to`, a task's or appointment's `link`. */
const recordLinks = (event: RecordedEvent): unknown[] => {
  if (typeof event.data !== 'object' || event.data === null) return [];
  const data = event.data as Record<string, unknown>;
  const on = Array.isArray(data['on']) ? (data['on'] as unknown[]) : [];
  return [...on, data['to'], data['link']];
};

/**
 * The customers record links name. Only the event that makes the link names it; the rest of its
 * stream follows.
 */
const linkedCustomers = (event: RecordedEvent): string[] =>
  recordLinks(event)
    .map(linkedCustomer)
    .filter((id): id is string => id !== undefined);

/** The streams of the deals, leads and tickets record links name (`Opportunity-<id>`). */
const linkedRecordStreams = (event: RecordedEvent): string[] =>
  recordLinks(event).flatMap((link) => {
    if (typeof link !== 'object' || link === null) return [];
    const { type, id } = link as Record<string, unknown>;
    const category = typeof type === 'string' ? LINKED_CATEGORY[type] : undefined;
    return category === undefined || typeof id !== 'string' ? [] : [`${category}-${id}`];
  });

/**
 * The customers an event concerns: any event naming a `customerId`, the survivor of a merge,
 * every customer a bulk export included (so an export shows in each exported customer's history),
 * and the customers an activity, a task or an appointment is linked to.
 */
const customersOf = (event: RecordedEvent): string[] =>
  [
    textField(event.data, 'customerId'),
    event.type === 'CustomerMerged' ? textField(event.data, 'survivorId') : undefined,
    ...exportedCustomers(event),
    ...linkedCustomers(event),
  ].filter((id): id is string => id !== undefined);

/**
 * Whether the only customer an event can concern is its own `customerId`: it is neither a merge
 * nor an export and makes no record link (`on`, `to`, `link`), so it links no record stream.
 */
const namesOwnCustomerOnly = (event: RecordedEvent): boolean => {
  if (typeof event.data !== 'object' || event.data === null) return false;
  const data = event.data as Record<string, unknown>;
  return (
    event.type !== 'CustomersExported' &&
    event.type !== 'CustomerMerged' &&
    data['on'] === undefined &&
    data['to'] === undefined &&
    data['link'] === undefined
  );
};

/** The streams an event links to the customer `customerId`. */
const streamsLinked = (event: RecordedEvent, customerId: string): string[] => {
  const linked = [event.streamName];
  const leadId = event.type === 'CustomerRegistered' ? textField(event.data, 'leadId') : undefined;
  if (leadId !== undefined) linked.push(`Lead-${leadId}`);
  const merged =
    event.type === 'CustomerAbsorbed' ? textField(event.data, 'mergedCustomerId') : undefined;
  if (merged !== undefined) linked.push(`Customer-${merged}`);
  return textField(event.data, 'customerId') === customerId ||
    event.type === 'CustomerMerged' ||
    exportedCustomers(event).includes(customerId) ||
    linkedCustomers(event).includes(customerId)
    ? linked
    : [];
};

/**
 * `customerTimeline`: per customer, the streams whose events touched it. Any aggregate whose
 * events carry a `customerId` joins the timeline without changing this projection. Per deal, lead
 * and ticket stream, the activity, task and appointment streams linked to it (read through the
 * customer's timeline that holds the deal, the lead or the ticket).
 */
export const timelineProjection: Projection<TimelineDocument> = {
  name: 'customerTimeline',
  // 2: exports (CustomersExported) join the timelines of the customers they included.
  // 3: activities, tasks and appointments linked to the customer join its timeline.
  // 4: those linked to a deal, a lead or a ticket are listed per record for its customer's.
  version: 4,
  keysOf: (event) => {
    // Most events name one customer at most and link nothing: one key, without the arrays
    // the general case builds (this runs for every event of the log).
    if (namesOwnCustomerOnly(event)) {
      const customerId = textField(event.data, 'customerId');
      return customerId === undefined ? [] : [timelineKey(customerId)];
    }
    return [
      ...customersOf(event).map(timelineKey),
      ...linkedRecordStreams(event).map(linkedStreamsKey),
    ];
  },
  initial: () => ({ streams: [] }),
  apply: (doc, event, key) => {
    const linked = key.startsWith('linked:')
      ? [event.streamName]
      : streamsLinked(event, key.slice('customer:'.length));
    const added = linked.filter((s) => !doc.streams.includes(s));
    return added.length === 0 ? doc : { streams: [...doc.streams, ...added] };
  },
};
