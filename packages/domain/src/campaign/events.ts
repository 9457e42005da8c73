import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode, NonNegativeMinorUnits, NonNegativeMoney } from '../shared/money.js';

/** Where a campaign runs. */
export const CampaignChannel = t.keyof(
  { email: null, social: null, ads: null, exhibition: null, content: null, event: null },
  'CampaignChannel',
);
/** Where a campaign runs. */
export type CampaignChannel = t.TypeOf<typeof CampaignChannel>;

/** Who a member is: a lead, a customer, or a person at a customer. */
export const MemberKind = t.keyof({ lead: null, customer: null, contact: null }, 'MemberKind');

/** How a member reacted to the campaign. */
export const MemberResponse = t.keyof(
  {
    opened: null,
    clicked: null,
    replied: null,
    registered: null,
    attended: null,
    unsubscribed: null,
    bounced: null,
  },
  'MemberResponse',
);

/** A campaign was planned with its budget and dates. */
export const CampaignPlanned = eventCodec(
  'CampaignPlanned',
  t.type({
    campaignId: t.string,
    name: t.string,
    channel: CampaignChannel,
    targetAudience: t.string,
    budget: NonNegativeMoney,
    startsOn: DateOnly,
    endsOn: DateOnly,
  }),
);
/**
 * The campaign went live on `wentLiveOn`. Version 2: version 1 called the day `launchedOn`
 * (renamed so it no longer reads as the planned start; upcast on read).
 */
export const CampaignLaunched = eventCodec(
  'CampaignLaunched',
  t.type({ campaignId: t.string, wentLiveOn: DateOnly }),
);
/**
 * Money was actually spent on the campaign (ROI counts these, once each). Version 2: the amount
 * is two fields, `amountMinor` and `currency`, so spend can be summed per currency without
 * unpacking a nested object; version 1 held them together in `amount` (upcast on read).
 */
export const CampaignCostRecorded = eventCodec(
  'CampaignCostRecorded',
  t.type({
    campaignId: t.string,
    costId: t.string,
    amountMinor: NonNegativeMinorUnits,
    currency: CurrencyCode,
    incurredOn: DateOnly,
    category: t.string,
  }),
);
/** A lead, customer or contact became a member of the campaign (referred to by id only). */
export const CampaignMemberAdded = eventCodec(
  'CampaignMemberAdded',
  t.type({ campaignId: t.string, memberId: t.string, memberKind: MemberKind }),
);
/** A member responded. */
export const CampaignMemberResponded = eventCodec(
  'CampaignMemberResponded',
  t.type({
    campaignId: t.string,
    memberId: t.string,
    response: MemberResponse,
    respondedOn: DateOnly,
  }),
);
/** The campaign ended as planned. */
export const CampaignCompleted = eventCodec(
  'CampaignCompleted',
  t.type({ campaignId: t.string, completedOn: DateOnly }),
);
/** The campaign was called off. */
export const CampaignCancelled = eventCodec(
  'CampaignCancelled',
  t.type({ campaignId: t.string, reason: t.string, cancelledOn: DateOnly }),
);

/** Every event of a Campaign stream. */
export const CampaignEvent = t.union(
  [
    CampaignPlanned,
    CampaignLaunched,
    CampaignCostRecorded,
    CampaignMemberAdded,
    CampaignMemberResponded,
    CampaignCompleted,
    CampaignCancelled,
  ],
  'CampaignEvent',
);
/** Every event of a Campaign stream. */
export type CampaignEvent = t.TypeOf<typeof CampaignEvent>;
