import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { converted, lead, opened, won } from '../../testing/salesEvents.js';
import { dealsProjection } from '../deals/dealsProjection.js';
import { leadsProjection } from '../leads/leadsProjection.js';
import { campaignsProjection } from './campaignsProjection.js';
import { campaignReport } from './campaignReport.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';

const readModels = createInMemoryReadModelStore();
beforeAll(async () => {
  const events = createInMemoryEventStore();
  const withCampaign = (entry: ReturnType<typeof opened>, campaignId: string) => ({
    ...entry,
    data: { ...(entry.data as object), campaignId },
  });
  const planned = (campaignId: string, budget: number): HistoryEntry => ({
    stream: `Campaign-${campaignId}`,
    type: 'CampaignPlanned',
    data: {
      campaignId,
      name: campaignId,
      channel: 'email',
      targetAudience: 'SMB',
      budget: { amountMinor: budget, currency: 'EUR' },
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
    },
    at: '2026-01-01',
  });
  const cost = (campaignId: string, costId: string, amount: number): HistoryEntry => ({
    stream: `Campaign-${campaignId}`,
    type: 'CampaignCostRecorded',
    data: {
      campaignId,
      costId,
      amount: { amountMinor: amount, currency: 'EUR' },
      incurredOn: '2026-01-02',
      category: 'ads',
    },
    at: '2026-01-02',
  });
  await appendHistory(events, [
    planned('spring', 300_00),
    planned('fair', 100_00),
    cost('spring', 'k1', 150_00),
    cost('spring', 'k2', 50_00),
    cost('spring', 'k2', 50_00), // the same cost seen again counts once
    cost('fair', 'k3', 100_00),
    lead('L1', 'web', '2026-01-05', { campaignId: 'spring' }),
    lead('L2', 'web', '2026-01-05', { campaignId: 'spring' }),
    lead('L3', 'fair', '2026-01-06', { campaignId: 'fair' }),
    converted('L1', 'web', '2026-01-10'),
    // Opened from a spring lead, but the rep recorded the fair campaign on the deal itself.
    withCampaign(opened('O1', '2026-01-10', { leadId: 'L1' }), 'fair'),
    won('O1', 500_00, '2026-02-10'),
  ]);
  await createProjectionRunner({
    events,
    readModels,
    projections: [leadsProjection, dealsProjection, campaignsProjection],
  }).catchUp();
});

describe('campaign ROI', () => {
  it('credits won revenue first-touch by default and computes ROI, cost per lead and per won deal', async () => {
    const rows = await allowed(campaignReport(readModels, administratorAccess));
    const spring = rows.find((r) => r.campaignId === 'spring');
    expect(spring).toMatchObject({
      leads: 2,
      convertedLeads: 1,
      opportunities: 1,
      wonDeals: 1,
      wonRevenue: { EUR: 500_00 },
    });
    expect(spring?.roi).toEqual({ EUR: { numerator: 300_00, denominator: 200_00, value: 1.5 } });
    expect(spring?.costPerLead).toEqual({
      EUR: { numerator: 200_00, denominator: 2, value: 100_00 },
    });
    expect(spring?.costPerWonDeal['EUR']?.value).toBe(200_00);
    const fair = rows.find((r) => r.campaignId === 'fair');
    expect(fair?.wonDeals).toBe(0);
    expect(fair?.costPerWonDeal).toEqual({
      EUR: { numerator: 100_00, denominator: 0, value: null },
    });
  });

  it('takes the attribution rule as a parameter', async () => {
    const rows = await allowed(
      campaignReport(readModels, administratorAccess, { attribution: 'opportunity' }),
    );
    expect(rows.map((r) => [r.campaignId, r.wonDeals])).toEqual([
      ['fair', 1],
      ['spring', 0],
    ]);
  });

  it('takes the budget and the actual cost, each cost once, from the campaigns read model', async () => {
    const [fair, spring] = await allowed(campaignReport(readModels, administratorAccess));
    expect([spring?.budget, spring?.actualCost]).toEqual([{ EUR: 300_00 }, { EUR: 200_00 }]);
    expect([fair?.budget, fair?.actualCost]).toEqual([{ EUR: 100_00 }, { EUR: 100_00 }]);
  });

  it('has a null ROI, never 0 or infinity, without a cost (costs given in place of the recorded ones)', async () => {
    const [fair] = await allowed(
      campaignReport(readModels, administratorAccess, {
        attribution: 'opportunity',
        costs: { fair: {} },
      }),
    );
    expect(fair?.actualCost).toEqual({});
    expect(fair?.roi).toEqual({ EUR: { numerator: 500_00, denominator: 0, value: null } });
  });
});
