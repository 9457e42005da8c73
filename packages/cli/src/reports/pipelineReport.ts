import * as E from 'fp-ts/lib/Either.js';
import type { MoneyByCurrency, ReadRefusal } from '@clientele/projections';
import { addTotals, pipelineReport as pipelineRows } from '@clientele/projections';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

const FIGURES = [
  column('count', 'deals', 'deals', 'Open deals.'),
  column('money', 'amount', 'amount', 'Sum of the deals’ amounts.'),
  column(
    'money',
    'weighted',
    'weighted',
    'Sum of amount × stage probability, rounded half-even once per currency.',
  ),
];

/** The columns of the pipeline report. */
export const pipelineShape: ReportShape = {
  name: 'pipeline',
  description: 'Open deals by expected close period, stage and forecast category.',
  columns: [
    column(
      'period',
      'closePeriod',
      'close period',
      'The period the deals are expected to close in.',
    ),
    column('code', 'stage', 'stage', 'The pipeline stage code (needsAnalysis).'),
    column(
      'code',
      'forecastCategory',
      'forecast category',
      'pipeline, bestCase, commit, closed or omitted.',
    ),
    ...FIGURES,
  ],
  totalColumns: FIGURES,
};

/**
 * Open deals by expected close period, stage and forecast category, weighted and unweighted, over
 * the deals the actor may read (`Opportunity.read`).
 */
export const pipelineReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const all = await pipelineRows(readModels, access, { period: options.period });
  if (E.isLeft(all)) return all;
  const rows = all.right.filter((row) => withinRange(row.closePeriod, options));
  return E.right({
    name: 'pipeline',
    title: 'Pipeline and forecast',
    asOf: options.asOf,
    columns: pipelineShape.columns,
    rows: rows.map((row) => ({
      closePeriod: row.closePeriod,
      stage: row.stageId,
      forecastCategory: row.forecastCategory,
      deals: row.deals,
      amount: row.amount,
      weighted: row.weighted,
    })),
    totalColumns: pipelineShape.totalColumns,
    totals: {
      deals: rows.reduce((n, row) => n + row.deals, 0),
      amount: rows.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.amount), {}),
      weighted: rows.reduce<MoneyByCurrency>((m, row) => addTotals(m, row.weighted), {}),
    },
    note: 'Weighted = amount × the stage probability, summed exactly and rounded half-even once per currency.',
  });
};
