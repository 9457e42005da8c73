import * as E from 'fp-ts/lib/Either.js';
import type { FunnelGrouping, FunnelRow, ReadRefusal } from '@clientele/projections';
import { campaignNames, leadFunnel, opportunityFunnel } from '@clientele/projections';
import { codeLabel } from './cellDisplay.js';
import { oneDecimal, percent } from './figures.js';
import type { ChartSpec } from '../html/charts.js';
import type { Report, ReportRow } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { byName, withinRange } from './reportSection.js';

/** The groupings `report funnel --by` accepts. */
export const FUNNEL_GROUPINGS: readonly FunnelGrouping[] = [
  'source',
  'campaign',
  'owner',
  'region',
];

const RATES = [
  column('count', 'won', 'won', 'Won, of this group and cohort.'),
  column('count', 'lost', 'lost', 'Lost, of this group and cohort.'),
  column('percent', 'winRatePercent', 'win rate', nullable('Won ÷ closed (won + lost).')),
  column(
    'percent',
    'overallConversionPercent',
    'lead to won',
    nullable('Won ÷ entered the funnel.'),
  ),
];

/** The columns of the funnel report. */
export const funnelShape: ReportShape = {
  name: 'funnel',
  description:
    'Leads, then their deals, through the stages to won, per group and cohort: how many reached each stage, conversion to the next and days in stage.',
  columns: [
    column('text', 'group', 'group', {
      description: 'The source, campaign id, owner or region; "all" ungrouped.',
      machineOnly: true,
    }),
    column('text', 'groupName', 'group', {
      description: 'The campaign’s name when grouped by campaign; else null.',
      nullable: true,
      fallbackKey: 'group',
    }),
    column('period', 'cohort', 'cohort', 'Capture period (leads) or open period (deals).'),
    column('code', 'stage', 'stage', 'A lead stage, then the pipeline’s stage codes.'),
    column('count', 'reached', 'reached', 'Reached this stage (or a later one).'),
    column(
      'percent',
      'conversionToNextPercent',
      'to next',
      nullable('Reached the next stage ÷ this one.'),
    ),
    column(
      'days',
      'medianDaysInStage',
      'median time in stage',
      nullable('Median days spent in the stage.'),
    ),
    ...RATES,
    column('code', 'funnel', 'funnel', '"leads" (from capture) or "deals" (from opening).'),
  ],
  totalColumns: [
    column('count', 'leads', 'leads', 'Leads captured, all cohorts.'),
    ...RATES.map((c) => ({
      ...c,
      description: c.description.replace('of this group and cohort', 'all leads'),
    })),
  ],
};

const rowsOf = (
  funnel: 'leads' | 'deals',
  rows: readonly FunnelRow[],
  names: ReadonlyMap<string, string>,
): ReportRow[] =>
  rows.flatMap((row) =>
    row.stages.map((stage) => ({
      group: row.group,
      groupName: names.get(row.group) ?? null,
      cohort: row.cohort,
      stage: stage.stage,
      reached: stage.reached,
      conversionToNextPercent: percent(stage.conversionToNext),
      medianDaysInStage: oneDecimal(stage.daysInStage.median),
      won: row.won,
      lost: row.lost,
      winRatePercent: percent(row.winRate),
      overallConversionPercent: percent(row.overallConversion),
      funnel,
    })),
  );

/** The totals of the whole lead funnel, all groups and cohorts; zeros when there is none. */
const funnelTotals = (overall: FunnelRow | undefined) => ({
  leads: overall?.stages[0]?.reached ?? 0,
  won: overall?.won ?? 0,
  lost: overall?.lost ?? 0,
  winRatePercent: percent(overall?.winRate),
  overallConversionPercent: percent(overall?.overallConversion),
});

/** The chart of leads reaching each stage: the lead funnel's stages run through the deal stages to won. */
const funnelChart = (overall: FunnelRow): ChartSpec => ({
  kind: 'funnel',
  title: 'Leads reaching each stage (all cohorts)',
  bars: overall.stages.map((stage) => ({
    label: codeLabel(stage.stage),
    key: stage.stage,
    value: stage.reached,
    display: stage.reached.toLocaleString('en-US'),
  })),
});

/**
 * The funnel (needs `Lead.read` and `Opportunity.read`; a rep sees their own leads and deals):
 * leads (captured → contacted → qualified → converted) then their deals through the pipeline
 * stages to won, per group (A–Z by name) and cohort.
 */
export const funnelReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const groupBy = FUNNEL_GROUPINGS.find((g) => g === options.by) ?? 'none';
  const leadRows = await leadFunnel(readModels, access, { groupBy, period: options.period });
  if (E.isLeft(leadRows)) return leadRows;
  const dealRows = await opportunityFunnel(readModels, access, { groupBy, period: options.period });
  if (E.isLeft(dealRows)) return dealRows;
  const whole = await leadFunnel(readModels, access, { groupBy: 'none', period: 'all' });
  if (E.isLeft(whole)) return whole;
  const names =
    groupBy === 'campaign' ? await campaignNames(readModels) : new Map<string, string>();
  const label = (row: FunnelRow) => names.get(row.group) ?? row.group;
  // Stable sorts: stages keep their funnel order within a group and cohort.
  const ordered = (rows: readonly FunnelRow[]) =>
    rows
      .filter((row) => withinRange(row.cohort, options))
      .sort((a, b) => byName(label(a), label(b)) || a.cohort.localeCompare(b.cohort));
  const overall = whole.right[0];
  return E.right({
    name: 'funnel',
    title: 'Sales funnel',
    asOf: options.asOf,
    columns: funnelShape.columns,
    rows: [
      ...rowsOf('leads', ordered(leadRows.right), names),
      ...rowsOf('deals', ordered(dealRows.right), names),
    ],
    totalColumns: funnelShape.totalColumns,
    totals: funnelTotals(overall),
    chart: overall === undefined ? undefined : funnelChart(overall),
    note: 'A lead or deal that reached a stage counts as having reached every earlier one; cohorts by capture day (leads) or open day (deals); win rate = won ÷ closed.',
  });
};
