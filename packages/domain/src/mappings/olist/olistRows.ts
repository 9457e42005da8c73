import * as t from 'io-ts';

const pattern = (name: string, regex: RegExp) => t.refinement(t.string, (s) => regex.test(s), name);

/** The anonymized 32-hex-digit ids of the Olist files. */
const HexId = pattern('OlistId', /^[0-9a-f]{32}$/);

/** One row of `olist_marketing_qualified_leads_dataset.csv`; an empty origin means "not set". */
export const OlistLeadRow = t.type(
  {
    mql_id: HexId,
    first_contact_date: pattern('IsoDate', /^\d{4}-\d{2}-\d{2}$/),
    origin: t.string,
  },
  'OlistLeadRow',
);
/** One marketing-qualified lead of the Olist funnel. */
export type OlistLeadRow = t.TypeOf<typeof OlistLeadRow>;

/**
 * One row of `olist_closed_deals_dataset.csv`, by column name; the seller's self-declared profile
 * columns (mostly empty) are not checked.
 */
export const OlistDealRow = t.type(
  {
    mql_id: HexId,
    sdr_id: HexId,
    sr_id: HexId,
    won_date: pattern('OlistTimestamp', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    business_segment: t.string,
  },
  'OlistDealRow',
);
/** One closed deal of the Olist funnel. */
export type OlistDealRow = t.TypeOf<typeof OlistDealRow>;
