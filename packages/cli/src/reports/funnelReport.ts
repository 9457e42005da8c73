import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { FunnelGrouping, FunnelRow, ReadAccess, ReadModelStore } from '@clientele/projections';
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
 * The funnel (needs `Lead.read` and `Opportunity.read`; a rep sees their own leads and deals): leads (captured → contacted → qualified → converted) then their deals through the
 * pipeline stages to won, per group and cohort; stage-to-stage conversion, days in stage, win rate.
 */
export const funnelReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const groupBy = GROUPINGS.find((g) => g === options.by) ?? 'none';
  const leadRows = await leadFunnel(readModels, access, { groupBy, period: options.period });
  if (E.isLeft(leadRows)) return leadRows;
  const dealRows = await opportunityFunnel(readModels, access, { groupBy, period: options.period });
  if (E.isLeft(dealRows)) return dealRows;
  const whole = await leadFunnel(readModels, access, { groupBy: 'none', period: 'all' });
  if (E.isLeft(whole)) return whole;
  const leads = leadRows.right.filter((row) => withinRange(row.cohort, options));
  const deals = dealRows.right.filter((row) => withinRange(row.cohort, options));
  const overall = whole.right[0];
  return E.right({
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
  });
};
