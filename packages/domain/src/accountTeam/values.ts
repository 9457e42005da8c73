import * as t from 'io-ts';

/** What a member does on a deal or an account team. */
export const TeamRole = t.union(
  [
    t.literal('owner'),
    t.literal('sales_engineer'),
    t.literal('executive_sponsor'),
    t.literal('support'),
  ],
  'TeamRole',
);
/** What a member does on a deal or an account team. */
export type TeamRole = t.TypeOf<typeof TeamRole>;

/** The records that have teams: a deal (opportunity) or an account (customer). */
export const TeamRecordType = t.union(
  [t.literal('opportunity'), t.literal('customer')],
  'TeamRecordType',
);
/** The records that have teams. */
export type TeamRecordType = t.TypeOf<typeof TeamRecordType>;
