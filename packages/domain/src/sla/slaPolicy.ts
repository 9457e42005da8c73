import * as t from 'io-ts';

const Minutes = t.refinement(t.number, (n) => Number.isInteger(n) && n > 0, 'PositiveMinutes');

const PerPriority = t.readonly(
  t.type({ low: Minutes, normal: Minutes, high: Minutes, urgent: Minutes }),
  'PerPriority',
);

/** SLA targets in business minutes, per ticket priority. */
export const SlaPolicy = t.readonly(
  t.type({ firstResponse: PerPriority, resolution: PerPriority }),
  'SlaPolicy',
);
/** SLA targets in business minutes, per ticket priority. */
export type SlaPolicy = t.TypeOf<typeof SlaPolicy>;

/** A common policy: answer urgent tickets within an hour and solve them within a working day. */
export const standardSlaPolicy: SlaPolicy = {
  firstResponse: { low: 960, normal: 480, high: 120, urgent: 60 },
  resolution: { low: 4800, normal: 2400, high: 960, urgent: 540 },
};
