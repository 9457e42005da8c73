import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { appendHistory } from '../testing/domainHistory.js';
import {
  contacted,
  converted,
  joined,
  lead,
  lost,
  manager,
  moved,
  office,
  opened,
  qualified,
  reopened,
  team,
  won,
} from '../testing/salesEvents.js';
import { dealsProjection } from './deals/dealsProjection.js';
import { leadFunnel, opportunityFunnel } from './funnel/funnelCalculation.js';
import { leadsProjection } from './leads/leadsProjection.js';
import { salesPerformanceReport } from './performance/salesPerformanceReport.js';
import { pipelineReport } from './pipeline/pipelineReport.js';
import { organizationProjection } from './salesOrganization/organizationProjection.js';
import { administratorAccess, allowed } from '../testing/readAccess.js';

// Figures in these specs are worked out by hand from this history (see docs/reports.md).
const history = [
  office('east', 'East'),
  team('alpha', 'east'),
  manager('alpha', 'mgr-1', '2026-01-01'),
  joined('rep-1', 'alpha', '2026-01-01'),
  joined('rep-2', 'alpha', '2026-03-01'),
  lead('L1', 'web', '2026-01-05'),
  lead('L2', 'web', '2026-01-05'),
  lead('L3', 'fair', '2026-01-06'),
  contacted('L1', '2026-01-06'),
  contacted('L3', '2026-01-07'),
  qualified('L2', '2026-01-07'),
  qualified('L1', '2026-01-08'),
  converted('L1', 'web', '2026-01-10'),
  opened('O1', '2026-01-10', { leadId: 'L1' }),
  opened('O2', '2026-01-15', { ownerId: 'rep-2' }),
  moved('O1', 'prospecting', 'proposal', '2026-01-20'),
  moved('O2', 'prospecting', 'negotiation', '2026-01-25'),
  lost('O2', '2026-02-01', 'rep-2'),
  opened('O3', '2026-02-01', { stageId: 'qualification', amount: 200_00, closeOn: '2026-04-15' }),
  lead('L4', 'fair', '2026-02-02'),
  reopened('O2', 'negotiation', '2026-02-03'),
  opened('O4', '2026-02-05', { ownerId: 'rep-2' }),
  won('O1', 500_00, '2026-02-10'),
  lost('O4', '2026-02-20', 'rep-2'),
  opened('O5', '2026-03-01', { stageId: 'qualification', amount: 333, closeOn: '2026-04-20' }),
  won('O2', 300_00, '2026-03-05', { ownerId: 'rep-2', currency: 'USD' }),
];

let readModels: ReadModelStore;
beforeAll(async () => {
  const events = createInMemoryEventStore();
  await appendHistory(events, history);
  readModels = createInMemoryReadModelStore();
  await createProjectionRunner({
    events,
    readModels,
    projections: [leadsProjection, dealsProjection, organizationProjection],
  }).catchUp();
});

const reachedByStage = (row: { stages: readonly { stage: string; reached: number }[] }) =>
  Object.fromEntries(row.stages.map((s) => [s.stage, s.reached]));

describe('funnel conversion', () => {
  it('counts a lead that reached a stage as having reached every earlier one', async () => {
    const [all] = await allowed(leadFunnel(readModels, administratorAccess));
    expect(reachedByStage(all!)).toEqual({
      captured: 4,
      contacted: 3, // L2 was qualified without a recorded contact
      qualified: 2,
      converted: 1,
      prospecting: 1,
      qualification: 1,
      needsAnalysis: 1,
      proposal: 1,
      negotiation: 1, // won: every open stage before closed-won
      won: 1,
    });
    expect(all!.stages.map((s) => s.conversionToNext?.value ?? null).slice(0, 4)).toEqual([
      0.75, 0.6667, 0.5, 1,
    ]);
    expect(all!.overallConversion).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('breaks leads down by source and capture month', async () => {
    const rows = await allowed(
      leadFunnel(readModels, administratorAccess, { groupBy: 'source', period: 'month' }),
    );
    expect(rows.map((r) => [r.group, r.cohort, r.stages[0]?.reached, r.won])).toEqual([
      ['fair', '2026-01', 1, 0],
      ['fair', '2026-02', 1, 0],
      ['web', '2026-01', 2, 1],
    ]);
  });

  it('counts a reopened deal in each stage once and measures win rate as won ÷ closed', async () => {
    const [all] = await allowed(opportunityFunnel(readModels, administratorAccess));
    expect(reachedByStage(all!)).toEqual({
      prospecting: 5,
      qualification: 4,
      needsAnalysis: 2,
      proposal: 2,
      negotiation: 2,
      won: 2,
    });
    expect(all!.won).toBe(2);
    expect(all!.lost).toBe(1);
    expect(all!.winRate).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    expect(all!.overallConversion.value).toBe(0.4);
  });

  it('gives the time spent in each stage as mean and median over the stays', async () => {
    const [all] = await allowed(opportunityFunnel(readModels, administratorAccess));
    const days = Object.fromEntries(all!.stages.map((s) => [s.stage, s.daysInStage]));
    expect(days.prospecting).toEqual({ count: 3, mean: 35 / 3, median: 10 });
    expect(days.negotiation).toEqual({ count: 2, mean: 18.5, median: 18.5 });
    expect(days.qualification).toEqual({ count: 0, mean: null, median: null });
  });
});

describe('pipeline and forecast', () => {
  it('sums open deals per currency by close period, stage and category, weighting by probability', async () => {
    expect(await allowed(pipelineReport(readModels, administratorAccess))).toEqual([
      {
        closePeriod: '2026-04',
        stageId: 'qualification',
        forecastCategory: 'pipeline',
        deals: 2,
        amount: { EUR: 20_333 },
        weighted: { EUR: 4_067 }, // (20000 + 333) × 20 % = 4066.6, rounded half-even once
      },
    ]);
  });
});

describe('sales performance', () => {
  it('credits won revenue, win rate, deal size and cycle by close quarter, and open pipeline by expected close quarter, to the rep', async () => {
    const rows = await allowed(
      salesPerformanceReport(readModels, administratorAccess, {
        groupBy: 'rep',
        period: 'quarter',
      }),
    );
    expect(rows).toEqual([
      {
        group: 'rep-1',
        period: '2026-Q1',
        won: 1,
        lost: 0,
        winRate: { numerator: 1, denominator: 1, value: 1 },
        wonRevenue: { EUR: 500_00 },
        averageDealSize: { EUR: { numerator: 500_00, denominator: 1, value: 500_00 } },
        salesCycleDays: { count: 1, mean: 31, median: 31 },
        openPipeline: {},
        weightedPipeline: {},
      },
      {
        group: 'rep-1',
        period: '2026-Q2', // O3 and O5, open, expected to close in April
        won: 0,
        lost: 0,
        winRate: { numerator: 0, denominator: 0, value: null },
        wonRevenue: {},
        averageDealSize: {},
        salesCycleDays: { count: 0, mean: null, median: null },
        openPipeline: { EUR: 20_333 },
        weightedPipeline: { EUR: 4_067 },
      },
      {
        group: 'rep-2',
        period: '2026-Q1',
        won: 1,
        lost: 1,
        winRate: { numerator: 1, denominator: 2, value: 0.5 },
        wonRevenue: { USD: 300_00 },
        averageDealSize: { USD: { numerator: 300_00, denominator: 1, value: 300_00 } },
        salesCycleDays: { count: 1, mean: 49, median: 49 },
        openPipeline: {},
        weightedPipeline: {},
      },
    ]);
  });

  it('credits the team, manager and region the rep belonged to on the close day, never summing currencies', async () => {
    const byTeam = await allowed(
      salesPerformanceReport(readModels, administratorAccess, { groupBy: 'team' }),
    );
    expect(byTeam.map((r) => [r.group, r.won, r.lost, r.wonRevenue])).toEqual([
      ['(no team)', 0, 1, {}], // rep-2 joined alpha on 1 March, after losing O4
      ['alpha', 2, 0, { EUR: 500_00, USD: 300_00 }],
    ]);
    const byManager = await allowed(
      salesPerformanceReport(readModels, administratorAccess, { groupBy: 'manager' }),
    );
    expect(byManager.map((r) => r.group)).toEqual(['(no team)', 'mgr-1']);
    const byRegion = await allowed(
      salesPerformanceReport(readModels, administratorAccess, { groupBy: 'region' }),
    );
    expect(byRegion.map((r) => r.group)).toEqual(['(no team)', 'East']);
  });
});
