import * as t from 'io-ts';
import { AnomalyRule } from './events.js';

/** Record an anomaly the detector found (sent by the anomaly reactor, as system work). */
export const RecordAccessAnomaly = t.type(
  {
    kind: t.literal('RecordAccessAnomaly'),
    anomalyId: t.string,
    actorId: t.string,
    role: t.string,
    rule: AnomalyRule,
    observedAt: t.string,
    customers: t.number,
    baseline: t.number,
    threshold: t.number,
    causeEventId: t.string,
  },
  'RecordAccessAnomaly',
);
/** Every command of the AccessAnomaly aggregate. */
export const AccessAnomalyCommand = RecordAccessAnomaly;
/** Every command of the AccessAnomaly aggregate. */
export type AccessAnomalyCommand = t.TypeOf<typeof AccessAnomalyCommand>;
