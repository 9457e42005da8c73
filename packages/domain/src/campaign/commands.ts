import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import { CampaignChannel, MemberKind, MemberResponse } from './events.js';

const command = <K extends string, R extends t.Props>(kind: K, required: R) =>
  t.type({ kind: t.literal(kind), campaignId: t.string, ...required }, kind);

/** Plan a campaign: name, channel, audience, budget, start and end. */
export const PlanCampaign = command('PlanCampaign', {
  name: NonEmptyText,
  channel: CampaignChannel,
  targetAudience: t.string,
  budget: NonNegativeMoney,
  startsOn: DateOnly,
  endsOn: DateOnly,
});
/** Launch a planned campaign. */
export const LaunchCampaign = command('LaunchCampaign', { launchedOn: DateOnly });
/** Record an actual cost with its day and category. */
export const RecordCampaignCost = command('RecordCampaignCost', {
  costId: t.string,
  amount: NonNegativeMoney,
  incurredOn: DateOnly,
  category: NonEmptyText,
});
/** Add a lead, customer or contact as a member. */
export const AddCampaignMember = command('AddCampaignMember', {
  memberId: t.string,
  memberKind: MemberKind,
});
/** Record a member's response. */
export const RecordMemberResponse = command('RecordMemberResponse', {
  memberId: t.string,
  response: MemberResponse,
  respondedOn: DateOnly,
});
/** End a running campaign. */
export const CompleteCampaign = command('CompleteCampaign', { completedOn: DateOnly });
/** Call off a planned or running campaign. */
export const CancelCampaign = command('CancelCampaign', {
  reason: NonEmptyText,
  cancelledOn: DateOnly,
});

/** Every command of the Campaign aggregate. */
export const CampaignCommand = t.union(
  [
    PlanCampaign,
    LaunchCampaign,
    RecordCampaignCost,
    AddCampaignMember,
    RecordMemberResponse,
    CompleteCampaign,
    CancelCampaign,
  ],
  'CampaignCommand',
);
/** Every command of the Campaign aggregate. */
export type CampaignCommand = t.TypeOf<typeof CampaignCommand>;

/**
 * A Campaign command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type CampaignCommandInput = t.OutputOf<typeof CampaignCommand>;
