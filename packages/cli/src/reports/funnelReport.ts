import type { FunnelGrouping, FunnelRow, ReadModelStore } from '@clientele/projections';
import { leadFunnel, opportunityFunnel } from '@clientele/projections';
import type { Cell } from '../output/table.js';
import { days, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

const GROUPINGS: readonly FunnelGrouping[] = ['source', 'campaign', 'owner', 'region'];

const funnelTableRows = (rows: readonly FunnelRow[]): Cell[][] =>
  rows.flatMap((row) =>
    row.stages.map((stage): Cell[] => [
      row.group,
      row.cohort,
      stage.stage,
      stage.reached,
      percent(stage.conversionToNext),
      days(stage.daysInStage.median),
      row.won,
      row.lost,
      percent(row.winRate),
      percent(row.overallConversion),
    ]),
  );

/**
 * The funnel: leads (captured → contacted → qualified → converted) then their deals through the
 * pipeline stages to won, per group and cohort; stage-to-stage conversion, days in stage, win rate.
 */
export const funnelReport = async (
  readModels: ReadModelStore,
  options: ReportOptions,
): Promise<RenderedReport> => {
  const groupBy = GROUPINGS.find((g) => g === options.by) ?? 'none';
  const leads = (await leadFunnel(readModels, { groupBy, period: options.period })).filter((row) =>
    withinRange(row.cohort, options),
  );
  const deals = (await opportunityFunnel(readModels, { groupBy, period: options.period })).filter(
    (row) => withinRange(row.cohort, options),
  );
  const overall = (await leadFunnel(readModels, { groupBy: 'none', period: 'all' }))[0];
  return {
    title: 'Sales funnel',
    chart:
      overall === undefined
        ? undefined
        : {
            kind: 'funnel',
            title: 'Leads reaching each stage (all cohorts)',
            // The lead funnel's stages run through the deal stages to won.
            bars: overall.stages.map((stage) => ({
              label: stage.stage,
              value: stage.reached,
              display: stage.reached.toLocaleString('en-US'),
            })),
          },
    header: [
      'group',
      'cohort',
      'stage',
      'reached',
      'to next %',
      'median days',
      'won',
      'lost',
      'win rate %',
      'lead→won %',
    ],
    rows: [
      ...funnelTableRows(leads),
      ...funnelTableRows(deals.map((row) => ({ ...row, group: `${row.group} (deals)` }))),
    ],
    note: 'A lead or deal that reached a stage counts as having reached every earlier one; cohorts by capture day (leads) or open day (deals); win rate = won ÷ closed.',
    data: { leads, deals },
  };
};
