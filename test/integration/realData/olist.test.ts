import { createReadStream } from 'node:fs';
import {
  createCustomerService,
  createLeadConversionReactor,
  createLeadService,
  createOpportunityService,
  importOlist,
} from '@clientele/domain';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import type { FunnelRow } from '@clientele/projections';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
  leadFunnel,
} from '@clientele/projections';
import { beforeAll, expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../support/datasets.js';
import { independentFigures } from '../../support/independentFigures.js';
import { describeWhenAvailable } from '../../support/requireService.js';
import { administratorAccess, allowed } from '@clientele/projections/testing';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const DIR = datasetUrl('olist-marketing-funnel/');
const open = (name: string) => createReadStream(new URL(name, DIR), { encoding: 'utf8' });

/*
 * Expected figures computed independently of the mapping and the projections: the counts by SQL
 * over the raw CSVs (`olist.expected.sql`, beside this file; the first test checks them against
 * it), the ratio rounded half to even to 4 places. Each entry is [closed deals, MQLs, deals ÷ MQLs].
 */
const CONVERSION_BY_ORIGIN: Record<string, [number, number, number]> = {
  direct_traffic: [56, 499, 0.1122],
  display: [6, 118, 0.0508],
  email: [15, 493, 0.0304],
  organic_search: [271, 2_296, 0.118],
  other: [4, 150, 0.0267],
  other_publicities: [3, 65, 0.0462],
  paid_search: [195, 1_586, 0.123],
  referral: [24, 284, 0.0845],
  social: [75, 1_350, 0.0556],
  unknown: [193, 1_159, 0.1665],
};

const readModels = createInMemoryReadModelStore();

beforeAll(async () => {
  const events = createInMemoryEventStore();
  const customers = createCustomerService(events, {
    authorize: permitEveryoneInTests(),
    tenantId: 'olist',
    tenantKey: 'k',
  });
  const opportunities = createOpportunityService(events, { authorize: permitEveryoneInTests() });
  const conversion = createLeadConversionReactor({
    store: events,
    checkpoints: createInMemoryCheckpointStore(),
    customers,
    opportunities,
    defaultCurrency: 'BRL',
  });
  const report = await importOlist(
    open('olist_marketing_qualified_leads_dataset.csv'),
    open('olist_closed_deals_dataset.csv'),
    {
      leads: createLeadService(events, { authorize: permitEveryoneInTests() }),
      opportunities,
      store: events,
      convert: conversion.react,
    },
  );
  expect(report.rejected).toEqual([]);
  await createProjectionRunner({ events, readModels, projections: allReadModels }).catchUp();
});

const stage = (row: FunnelRow, name: string) => row.stages.find((s) => s.stage === name);

describeWhenAvailable(
  'Olist marketing funnel, imported as commands and projected',
  datasetsUnavailable(),
  () => {
    it('has expected counts that are what the SQL over the raw CSVs computes', () => {
      const rows = independentFigures<{ key: string; deals: number; mqls: number }>(
        new URL('olist.expected.sql', import.meta.url),
        DIR,
      );
      const counts = Object.fromEntries(rows.map((row) => [row.key, [row.deals, row.mqls]]));
      expect(counts).toEqual({
        ...Object.fromEntries(
          Object.entries(CONVERSION_BY_ORIGIN).map(([origin, [deals, mqls]]) => [
            origin,
            [deals, mqls],
          ]),
        ),
        all: [842, 8_000],
      });
    });

    it('gives the conversion of every origin: closed deals ÷ MQLs, as the funnel grouped by source', async () => {
      const rows = await allowed(
        leadFunnel(readModels, administratorAccess, { groupBy: 'source' }),
      );
      const converted = Object.fromEntries(
        rows.map((row) => [
          row.group,
          [
            stage(row, 'converted')?.reached,
            stage(row, 'captured')?.reached,
            row.overallConversion.value,
          ],
        ]),
      );
      expect(converted).toEqual(CONVERSION_BY_ORIGIN);
      // Every converted lead's deal was won, so lead → won is the same ratio.
      for (const row of rows) {
        const [deals, mqls] = CONVERSION_BY_ORIGIN[row.group] ?? [];
        expect(row.overallConversion).toMatchObject({ numerator: deals, denominator: mqls });
        expect(row.won).toBe(deals);
      }
    });

    it('gives 842 conversions of 8,000 leads over all origins', async () => {
      const [all] = await allowed(leadFunnel(readModels, administratorAccess));
      // 842 ÷ 8,000 = 0.10525 exactly: half-even rounding keeps the even 0.1052.
      expect(stage(all!, 'captured')?.reached).toBe(8_000);
      expect(stage(all!, 'converted')?.reached).toBe(842);
      expect(all?.overallConversion).toEqual({ numerator: 842, denominator: 8_000, value: 0.1052 });
    });
  },
);
