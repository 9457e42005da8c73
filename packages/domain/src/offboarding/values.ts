import * as t from 'io-ts';

/**
 * Who takes over a departing rep's records: their manager (on the notice date), or the other
 * members of their team in turn (`roundRobin`, in the order of their ids).
 */
export const ReassignmentPolicy = t.keyof(
  { manager: null, roundRobin: null },
  'ReassignmentPolicy',
);
/** Who takes over a departing rep's records. */
export type ReassignmentPolicy = t.TypeOf<typeof ReassignmentPolicy>;

/** The kinds of record an offboarding hands over. */
export const HandedOverRecord = t.keyof(
  { opportunity: null, lead: null, customer: null, task: null, appointment: null },
  'HandedOverRecord',
);
/** A kind of record an offboarding hands over. */
export type HandedOverRecord = t.TypeOf<typeof HandedOverRecord>;
