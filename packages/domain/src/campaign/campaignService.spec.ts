import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { createCommissionService } from '../commission/commissionService.js';
import { createTargetService } from '../target/targetService.js';
import { testContext } from '../testing/commandContexts.js';
import { createCampaignService } from './campaignService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const problemsOf = (result: E.Either<unknown, unknown>): unknown =>
  E.isLeft(result) &&
  typeof result.left === 'object' &&
  result.left !== null &&
  'problems' in result.left
    ? result.left.problems
    : result;

describe('campaign, target and commission entry points', () => {
  it('refuse invalid input naming each field and append nothing', async () => {
    const store = createInMemoryEventStore();
    const campaigns = createCampaignService(store, { authorize: permitEveryoneInTests() });
    const targets = createTargetService(store, { authorize: permitEveryoneInTests() });
    const commissions = createCommissionService(store, { authorize: permitEveryoneInTests() });
    expect(
      problemsOf(
        await campaigns.handle(
          {
            kind: 'PlanCampaign',
            campaignId: 'c-1',
            name: ' ',
            channel: 'radio',
            targetAudience: 'SMB',
            budget: { amountMinor: 100, currency: 'EUR' },
            startsOn: '2026-04-01',
            endsOn: '2026-04-31',
          },
          testContext(),
        ),
      ),
    ).toEqual([
      'name: expected a non-empty text, got " "',
      'channel: expected CampaignChannel, got "radio"',
      'endsOn: expected DateOnly, got "2026-04-31"',
    ]);
    expect(
      problemsOf(
        await targets.handle(
          {
            kind: 'DeclareTarget',
            targetId: 't-1',
            ownerKind: 'rep',
            ownerId: 'rep-1',
            period: '2026-Q5',
            amount: { amountMinor: 1, currency: 'EUR' },
          },
          testContext(),
        ),
      ),
    ).toEqual(['period: expected SalesPeriod, got "2026-Q5"']);
    expect(
      problemsOf(
        await commissions.handle(
          {
            kind: 'AssignCommissionPlan',
            repId: 'rep-1',
            period: '2026-Q1',
            plan: {
              planId: 'p',
              base: 'collected',
              currency: 'EUR',
              rate: { kind: 'flat', rateBps: 2.5 },
            },
            target: { amountMinor: 1, currency: 'EUR' },
          },
          testContext(),
        ),
      ),
    ).toEqual(['plan.rate.rateBps: expected BasisPoints, got 2.5']);
    expect(await store.headPosition()).toBeUndefined();
  });
});
