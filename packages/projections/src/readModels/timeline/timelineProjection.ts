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

/**
 * The customers an event concerns: any event naming a `customerId`, the survivor of a merge, and
 * every customer a bulk export included (so an export shows in each exported customer's history).
 */
const customersOf = (event: RecordedEvent): string[] =>
  [
    textField(event.data, 'customerId'),
    event.type === 'CustomerMerged' ? textField(event.data, 'survivorId') : undefined,
    ...exportedCustomers(event),
  ].filter((id): id is string => id !== undefined);

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
    exportedCustomers(event).includes(customerId)
    ? linked
    : [];
};

/**
 * `customerTimeline`: per customer, the streams whose events touched it. Any aggregate whose
 * events carry a `customerId` joins the timeline without changing this projection.
 */
export const timelineProjection: Projection<TimelineDocument> = {
  name: 'customerTimeline',
  // 2: exports (CustomersExported) join the timelines of the customers they included.
  version: 2,
  keysOf: (event) => customersOf(event).map(timelineKey),
  initial: () => ({ streams: [] }),
  apply: (doc, event, key) => {
    const added = streamsLinked(event, key.slice('customer:'.length)).filter(
      (s) => !doc.streams.includes(s),
    );
    return added.length === 0 ? doc : { streams: [...doc.streams, ...added] };
  },
};
