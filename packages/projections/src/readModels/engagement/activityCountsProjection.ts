import * as t from 'io-ts';
import { ActivityEvent, LeadEvent } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import { isoWeekOf } from './isoWeek.js';

const decodeActivity = domainEventDecoder(ActivityEvent);
const decodeLead = domainEventDecoder(LeadEvent);

/** One rep's activities of one ISO week, counted by kind. */
export const ActivityCountsDocument = t.type(
  {
    repId: t.string,
    week: t.string,
    counts: t.record(t.string, t.number),
    /** What was counted, so a redelivered event counts once. */
    counted: t.array(t.string),
  },
  'ActivityCountsDocument',
);
/** One rep's activities of one ISO week. */
export type ActivityCountsDocument = t.TypeOf<typeof ActivityCountsDocument>;

/** The document key of a rep's week. */
export const activityCountsKey = (repId: string, week: string): string => `${repId}|${week}`;

/** What one event counts: whose, when, what kind, and its id. Lead attempts use the same words. */
const countedOf = (
  event: RecordedEvent,
): { repId: string; at: string; kind: string; id: string } | undefined => {
  const activity = decodeActivity(event);
  if (activity?.type === 'ActivityLogged') {
    const { ownerId, at, kind, activityId } = activity.data;
    return { repId: ownerId, at, kind, id: activityId };
  }
  const lead = decodeLead(event);
  if (lead?.type === 'LeadContactAttempted') {
    const { at, channel, attemptId, leadId } = lead.data;
    return { repId: event.metadata.actor.id, at, kind: channel, id: `${leadId}/${attemptId}` };
  }
  return undefined;
};

/**
 * `activityCounts`: per rep and ISO week (of the activity's own time, UTC), how many calls,
 * emails, meetings, visits, messages and notes they logged, lead contact attempts included.
 */
export const activityCountsProjection: Projection<ActivityCountsDocument> = {
  name: 'activityCounts',
  version: 1,
  filter: { streamNamePrefixes: ['Activity-', 'Lead-'] },
  keysOf: (event) => {
    const counted = countedOf(event);
    return counted === undefined ? [] : [activityCountsKey(counted.repId, isoWeekOf(counted.at))];
  },
  initial: (key) => {
    const [repId = '', week = ''] = key.split('|');
    return { repId, week, counts: {}, counted: [] };
  },
  apply: (doc, event) => {
    const counted = countedOf(event);
    if (counted === undefined || doc.counted.includes(counted.id)) return doc;
    return {
      ...doc,
      counts: { ...doc.counts, [counted.kind]: (doc.counts[counted.kind] ?? 0) + 1 },
      counted: [...doc.counted, counted.id],
    };
  },
};
