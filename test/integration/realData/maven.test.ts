import { createReadStream } from 'node:fs';
import {
  createCustomerService,
  createOpportunityService,
  createSalesOrganizationService,
  importMaven,
} from '@clientele/domain';
import { createInMemoryEventStore } from '@clientele/eventstore';
import type { PerformanceRow } from '@clientele/projections';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
  opportunityFunnel,
  salesPerformanceReport,
} from '@clientele/projections';
import { beforeAll, expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../support/datasets.js';
import { independentFigures } from '../../support/independentFigures.js';
import { describeWhenAvailable } from '../../support/requireService.js';
import { administratorAccess, allowed } from '@clientele/projections/testing';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const DIR = datasetUrl('maven-crm-sales-opportunities/');
const open = (name: string) => createReadStream(new URL(name, DIR), { encoding: 'utf8' });

/*
 * Expected figures computed independently of the mapping and the projections, by SQL over the raw
 * CSVs (`maven.expected.sql`, beside this file; the first test checks them against it). Each entry
 * is [won, lost, won revenue in whole dollars].
 */
const BY_REP: Record<string, [number, number, number]> = {
  'anna-snelling': [208, 128, 275_056],
  'boris-faz': [101, 52, 261_631],
  'cassey-cress': [163, 98, 450_489],
  'cecily-lampkin': [107, 53, 229_800],
  'corliss-cosme': [150, 79, 421_036],
  'daniell-hammack': [114, 73, 364_229],
  'darcel-schlecht': [349, 204, 1_153_214],
  'donn-cantrell': [158, 117, 445_860],
  'elease-gluck': [80, 46, 289_195],
  'garret-kinder': [75, 48, 197_773],
  'gladys-colclough': [135, 97, 345_674],
  'hayden-neloms': [107, 45, 272_111],
  'james-ascencio': [135, 71, 413_533],
  'jonathan-berthelot': [171, 93, 284_886],
  'kami-bicknell': [174, 98, 316_456],
  'kary-hendrixson': [209, 126, 454_298],
  'lajuana-vencill': [127, 104, 194_632],
  'markita-hansen': [130, 97, 328_792],
  'marty-freudenburg': [122, 72, 291_195],
  'maureen-marcano': [149, 64, 350_395],
  'moses-frase': [129, 66, 207_182],
  'niesha-huffines': [105, 70, 176_961],
  'reed-clapper': [155, 82, 438_336],
  'rosalina-dieter': [72, 38, 235_403],
  'rosie-papadopoulos': [78, 43, 230_169],
  'versie-hillebrand': [176, 88, 187_693],
  'vicki-laflamme': [221, 126, 478_396],
  'violet-mclelland': [122, 71, 123_431],
  'wilburn-farren': [55, 24, 157_640],
  'zane-levy': [161, 100, 430_068],
};
const BY_MANAGER: Record<string, [number, number, number]> = {
  'cara-losch': [480, 265, 1_130_049],
  'celia-rouche': [610, 352, 1_603_897],
  'dustin-brinkmann': [747, 439, 1_094_363],
  'melvin-marxen': [882, 536, 2_251_930],
  'rocco-neubert': [691, 422, 1_960_545],
  'summer-sewald': [828, 459, 1_964_750],
};
const BY_OFFICE: Record<string, [number, number, number]> = {
  central: [1_629, 975, 3_346_293],
  east: [1_171, 687, 3_090_594],
  west: [1_438, 811, 3_568_647],
};
const BY_QUARTER: Record<string, [number, number, number]> = {
  '2017-Q1': [531, 116, 1_134_672],
  '2017-Q2': [1_254, 778, 3_086_111],
  '2017-Q3': [1_257, 790, 2_982_255],
  '2017-Q4': [1_196, 789, 2_802_496],
};

/** The expected figures keyed by the ids the mapping gives, revenue in cents. */
const expected = (prefix: string, figures: Record<string, [number, number, number]>) =>
  Object.fromEntries(
    Object.entries(figures).map(([key, [won, lost, dollars]]) => [
      `${prefix}${key}`,
      [won, lost, dollars * 100],
    ]),
  );

/** [won, lost, won revenue in cents] of the rows with a closed deal, by group. */
const closedFigures = (rows: readonly PerformanceRow[], keyOf: (row: PerformanceRow) => string) => {
  const figures: Record<string, [number, number, number]> = {};
  for (const row of rows) {
    if (row.won + row.lost === 0) continue;
    const [won, lost, cents] = figures[keyOf(row)] ?? [0, 0, 0];
    figures[keyOf(row)] = [won + row.won, lost + row.lost, cents + (row.wonRevenue['USD'] ?? 0)];
  }
  return figures;
};

const readModels = createInMemoryReadModelStore();

beforeAll(async () => {
  const events = createInMemoryEventStore();
  const report = await importMaven(
    {
      pipeline: open('sales_pipeline.csv'),
      teams: open('sales_teams.csv'),
      accounts: open('accounts.csv'),
      products: open('products.csv'),
    },
    {
      organization: createSalesOrganizationService(events, { authorize: permitEveryoneInTests() }),
      customers: createCustomerService(events, {
        authorize: permitEveryoneInTests(),
        tenantId: 'maven',
        tenantKey: 'k',
      }),
      opportunities: createOpportunityService(events, { authorize: permitEveryoneInTests() }),
    },
  );
  expect(report.rejected).toEqual([]);
  await createProjectionRunner({ events, readModels, projections: allReadModels }).catchUp();
});

describeWhenAvailable(
  'Maven CRM pipeline, imported as commands and projected',
  datasetsUnavailable(),
  () => {
    it('has expected figures that are what the SQL over the raw CSVs computes', () => {
      const rows = independentFigures<{
        grouping: string;
        key: string;
        won: number;
        lost: number;
        revenue: number;
      }>(new URL('maven.expected.sql', import.meta.url), DIR);
      const of = (grouping: string) =>
        Object.fromEntries(
          rows
            .filter((row) => row.grouping === grouping)
            .map((row) => [row.key, [row.won, row.lost, row.revenue]]),
        );
      expect(of('rep')).toEqual(BY_REP);
      expect(of('manager')).toEqual(BY_MANAGER);
      expect(of('office')).toEqual(BY_OFFICE);
      expect(of('quarter')).toEqual(BY_QUARTER);
      expect(of('all')).toEqual({ all: [4_238, 2_473, 10_005_534] });
    });

    it('gives the won count 4,238, lost 2,473, win rate 4238/6711 and won revenue $10,005,534', async () => {
      const [all] = await allowed(opportunityFunnel(readModels, administratorAccess));
      expect(all?.won).toBe(4_238);
      expect(all?.lost).toBe(2_473);
      expect(all?.winRate).toEqual({ numerator: 4_238, denominator: 6_711, value: 0.6315 });
      const byOffice = await allowed(
        salesPerformanceReport(readModels, administratorAccess, { groupBy: 'office' }),
      );
      const revenue = byOffice.reduce((sum, row) => sum + (row.wonRevenue['USD'] ?? 0), 0);
      expect(revenue).toBe(1_000_553_400);
    });

    it('gives the won revenue, wins and losses of every agent', async () => {
      const rows = await allowed(
        salesPerformanceReport(readModels, administratorAccess, { groupBy: 'rep' }),
      );
      expect(closedFigures(rows, (row) => row.group)).toEqual(expected('maven-rep-', BY_REP));
    });

    it('gives the won revenue, wins and losses of every manager', async () => {
      const rows = await allowed(
        salesPerformanceReport(readModels, administratorAccess, { groupBy: 'manager' }),
      );
      expect(closedFigures(rows, (row) => row.group)).toEqual(
        expected('maven-manager-', BY_MANAGER),
      );
    });

    it('gives the won revenue of every regional office: Central 3,346,293, West 3,568,647, East 3,090,594', async () => {
      const rows = await allowed(
        salesPerformanceReport(readModels, administratorAccess, { groupBy: 'office' }),
      );
      expect(closedFigures(rows, (row) => row.group)).toEqual(expected('maven-office-', BY_OFFICE));
    });

    it('gives the won revenue of every quarter by close date', async () => {
      // The report has no "everyone" grouping, so the offices' rows of each quarter are added up.
      const rows = await allowed(
        salesPerformanceReport(readModels, administratorAccess, {
          groupBy: 'office',
          period: 'quarter',
        }),
      );
      expect(closedFigures(rows, (row) => row.period)).toEqual(expected('', BY_QUARTER));
    });
  },
);
