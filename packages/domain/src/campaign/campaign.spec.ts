import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import type { CampaignEvent } from './events.js';
import { CampaignCommand } from './commands.js';
import { campaignDecider } from './decide.js';

const spec = deciderSpec(campaignDecider);
const campaignId = 'campaign-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const command = (input: Record<string, unknown>): CampaignCommand => {
  const decoded = CampaignCommand.decode({ campaignId, ...input });
  if (E.isLeft(decoded)) throw new Error(`invalid command ${JSON.stringify(input)}`);
  return decoded.right;
};
const plan = {
  kind: 'PlanCampaign',
  name: 'Spring fair',
  channel: 'exhibition',
  targetAudience: 'manufacturing CFOs',
  budget: eur(2_000_000),
  startsOn: '2026-04-01',
  endsOn: '2026-04-30',
};
const planned: CampaignEvent = {
  type: 'CampaignPlanned',
  data: { campaignId, ...(({ kind: _, ...rest }) => rest)(plan) } as never,
};
const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: { campaignId, wentLiveOn: '2026-04-01' as never },
};
const member: CampaignEvent = {
  type: 'CampaignMemberAdded',
  data: { campaignId, memberId: 'lead-1', memberKind: 'lead' },
};
const cost: CampaignEvent = {
  type: 'CampaignCostRecorded',
  data: {
    campaignId,
    costId: 'booth',
    amountMinor: 800_000 as never,
    currency: 'EUR' as never,
    incurredOn: '2026-03-20' as never,
    category: 'venue',
  },
};

describe('campaign', () => {
  it('is planned with a budget and dates, and refuses to end before it starts', () => {
    spec.given([]).when(command(plan)).then([planned]);
    spec
      .given([])
      .when(command({ ...plan, endsOn: '2026-03-31' }))
      .thenFails({ kind: 'CampaignEndsBeforeStart', startsOn: '2026-04-01', endsOn: '2026-03-31' });
  });

  it('counts each actual cost once, with its day and category, even after the campaign ended', () => {
    const record = command({
      kind: 'RecordCampaignCost',
      costId: 'booth',
      amount: eur(800_000),
      incurredOn: '2026-03-20',
      category: 'venue',
    });
    spec.given([planned]).when(record).then([cost]);
    spec.given([planned, cost]).when(record).then([]);
    spec
      .given([
        planned,
        launched,
        { type: 'CampaignCompleted', data: { campaignId, completedOn: '2026-04-30' as never } },
      ])
      .when(record)
      .then([cost]);
  });

  it('records responses only of members, once the campaign is live', () => {
    const respond = command({
      kind: 'RecordMemberResponse',
      memberId: 'lead-1',
      response: 'attended',
      respondedOn: '2026-04-10',
    });
    spec
      .given([planned, member, launched])
      .when(respond)
      .then([
        {
          type: 'CampaignMemberResponded',
          data: {
            campaignId,
            memberId: 'lead-1',
            response: 'attended',
            respondedOn: '2026-04-10' as never,
          },
        },
      ]);
    spec
      .given([planned, launched])
      .when(respond)
      .thenFails({ kind: 'NotACampaignMember', memberId: 'lead-1' });
    spec
      .given([planned, member])
      .when(respond)
      .thenFails({
        kind: 'CampaignNotInStatus',
        campaignId,
        status: 'planned',
        allowed: ['launched', 'completed'],
      });
  });

  it('completes a launched campaign and cancels a planned one, but not the other way round', () => {
    spec
      .given([planned, launched])
      .when(command({ kind: 'CompleteCampaign', completedOn: '2026-04-30' }))
      .then([
        { type: 'CampaignCompleted', data: { campaignId, completedOn: '2026-04-30' as never } },
      ]);
    spec
      .given([planned])
      .when(command({ kind: 'CompleteCampaign', completedOn: '2026-04-30' }))
      .thenFails((error) => error.kind === 'CampaignNotInStatus');
    spec
      .given([planned])
      .when(
        command({ kind: 'CancelCampaign', reason: 'fair postponed', cancelledOn: '2026-03-01' }),
      )
      .then([
        {
          type: 'CampaignCancelled',
          data: { campaignId, reason: 'fair postponed', cancelledOn: '2026-03-01' as never },
        },
      ]);
  });
});
