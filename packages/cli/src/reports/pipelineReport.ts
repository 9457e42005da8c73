import type { ReadModelStore } from '@clientele/projections';
import { pipelineReport as pipelineRows } from '@clientele/projections';
import { formatMoney } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

/** Open deals by expected close period, stage and forecast category, weighted and unweighted. */
export const pipelineReport = async (
  readModels: ReadModelStore,
  options: ReportOptions,
): Promise<RenderedReport> => {
  const rows = (await pipelineRows(readModels, { period: options.period })).filter((row) =>
    withinRange(row.closePeriod, options),
  );
  return {
    title: 'Pipeline and forecast',
    header: ['close period', 'stage', 'forecast category', 'deals', 'amount', 'weighted'],
    rows: rows.map((row) => [
      row.closePeriod,
      row.stageId,
      row.forecastCategory,
      row.deals,
      formatMoney(row.amount),
      formatMoney(row.weighted),
    ]),
    note: 'Weighted = amount × the stage probability, summed exactly and rounded half-even once per currency.',
    data: rows,
  };
};
