import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory } from '../../testing/domainHistory.js';
import { converted, lead, opened, won } from '../../testing/salesEvents.js';
import { dealsProjection } from '../deals/dealsProjection.js';
import { leadsProjection } from '../leads/leadsProjection.js';
import { campaignReport } from './campaignReport.js';

const readModels = createInMemoryReadModelStore();
beforeAll(async () => {
  const events = createInMemoryEventStore();
  const withCampaign = (entry: ReturnType<typeof opened>, campaignId: string) => ({
    ...entry,
    data: { ...(entry.data as object), campaignId },
  });
  await appendHistory(events, [
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
    projections: [leadsProjection, dealsProjection],
  }).catchUp();
});

describe('campaign ROI', () => {
  it('credits won revenue first-touch by default and computes ROI, cost per lead and per won deal', async () => {
    const rows = await campaignReport(readModels, {
      costs: { spring: { EUR: 200_00 }, fair: { EUR: 100_00 } },
    });
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
    const rows = await campaignReport(readModels, { attribution: 'opportunity' });
    expect(rows.map((r) => [r.campaignId, r.wonDeals])).toEqual([
      ['fair', 1],
      ['spring', 0],
    ]);
  });

  it('has no ROI without a recorded cost', async () => {
    const [fair] = await campaignReport(readModels, { attribution: 'opportunity' });
    expect(fair?.actualCost).toEqual({});
    expect(fair?.roi).toEqual({ EUR: { numerator: 500_00, denominator: 0, value: null } });
  });
});
