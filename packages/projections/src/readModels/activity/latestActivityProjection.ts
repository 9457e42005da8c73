import * as t from 'io-ts';
import type { Projection } from '../../projection/projection.js';

/**
 * The streams whose events are business activity: what customers, leads, deals, tickets, invoices,
 * campaigns, targets, commission and the sales organization went through, and reps' activities,
 * tasks and appointments. Duplicate-check
 * reservations, privacy requests, exports and the demo's marker are records about the data, kept
 * at the time someone acted on it, so they never move a report's date.
 */
export const BUSINESS_STREAM_PREFIXES: readonly string[] = [
  'Customer-',
  'Lead-',
  'Opportunity-',
  'Ticket-',
  'Invoice-',
  'Campaign-',
  'Target-',
  'Commission-',
  'SalesOrganization-',
  'Activity-',
  'Task-',
  'Appointment-',
];

/** The latest business time in the log: the largest `occurredAt` of a business event. */
export const LatestActivityDocument = t.type(
  { occurredAt: t.union([t.string, t.null]) },
  'LatestActivityDocument',
);
/** The latest business time in the log. */
export type LatestActivityDocument = t.TypeOf<typeof LatestActivityDocument>;

/** The key of the one document of {@link latestActivityProjection}. */
export const LATEST_ACTIVITY_KEY = 'latest';

/**
 * `latestActivity`: the largest `occurredAt` of any business event, compared as instants (an
 * import may append old history after new, so log order says nothing about business time).
 */
export const latestActivityProjection: Projection<LatestActivityDocument> = {
  name: 'latestActivity',
  // 2: activities, tasks and appointments are business activity too.
  version: 2,
  filter: { streamNamePrefixes: BUSINESS_STREAM_PREFIXES },
  keysOf: () => [LATEST_ACTIVITY_KEY],
  initial: () => ({ occurredAt: null }),
  apply: (doc, event) => {
    const at = event.metadata.occurredAt;
    return doc.occurredAt !== null && Date.parse(doc.occurredAt) >= Date.parse(at)
      ? doc
      : { occurredAt: at };
  },
};
