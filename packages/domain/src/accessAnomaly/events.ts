import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';

/** Which rule an access broke. */
export const AnomalyRule = t.keyof(
  { volumeAboveBaseline: null, outsideWorkingHours: null, afterNotice: null },
  'AnomalyRule',
);
/** Which rule an access broke. */
export type AnomalyRule = t.TypeOf<typeof AnomalyRule>;

/**
 * An actor's access looked unusual: which rule, when, how many customers it touched, against
 * which baseline and threshold, and the event that showed it. Ids and counts only: no personal
 * value, so it outlives any erasure unchanged.
 */
export const AccessAnomalyDetected = eventCodec(
  'AccessAnomalyDetected',
  t.type({
    anomalyId: t.string,
    actorId: t.string,
    role: t.string,
    rule: AnomalyRule,
    observedAt: t.string,
    customers: t.number,
    baseline: t.number,
    threshold: t.number,
    causeEventId: t.string,
  }),
);
/** An actor's access looked unusual. */
export type AccessAnomalyDetected = t.TypeOf<typeof AccessAnomalyDetected>;
