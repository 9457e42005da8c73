import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** One contract as the renewal and churn reports need it. */
export const ContractDocument = t.type(
  {
    contractId: t.string,
    customerId: t.string,
    ownerId: t.string,
    term: t.number,
    endOn: t.string,
    autoRenew: t.boolean,
    noticeEffectiveOn: nullable(t.string),
    currency: t.string,
    /** What one term bills, net of discounts, before tax. */
    termNetMinor: t.number,
    endedOn: nullable(t.string),
    endReason: nullable(t.string),
  },
  'ContractDocument',
);
/** One contract as the renewal and churn reports need it. */
export type ContractDocument = t.TypeOf<typeof ContractDocument>;
