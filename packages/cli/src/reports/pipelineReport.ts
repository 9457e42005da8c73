import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { pipelineReport as pipelineRows } from '@clientele/projections';
import { formatMoney } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';
import { withinRange } from './reportSection.js';

/**
 * Open deals by expected close period, stage and forecast category, weighted and unweighted, over
 * the deals the actor may read (`Opportunity.read`).
 */
export const pipelineReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const all = await pipelineRows(readModels, access, { period: options.period });
  if (E.isLeft(all)) return all;
  const rows = all.right.filter((row) => withinRange(row.closePeriod, options));
  return E.right({
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
  });
};
