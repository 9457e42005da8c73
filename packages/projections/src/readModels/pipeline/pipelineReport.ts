import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import type { Period } from '../../definitions/periods.js';
import { periodOf } from '../../definitions/periods.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { roundHalfEven } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument } from '../deals/dealDocument.js';

/** Open deals of one stage, forecast category and expected close period. */
export interface PipelineRow {
  readonly closePeriod: string;
  readonly stageId: string;
  readonly forecastCategory: string;
  readonly deals: number;
  /** Sum of amounts, per currency. */
  readonly amount: MoneyByCurrency;
  /** Sum of amount × stage probability, per currency, rounded half-even to minor units. */
  readonly weighted: MoneyByCurrency;
}

/** Weighted minor units kept exact as amount × basis points until the sum is rounded once. */
const BASIS = 10_000n;

/**
 * The pipeline and forecast: open opportunities by expected close period, stage and forecast
 * category, weighted (amount × probability) and unweighted, each per currency. It sums the deals
 * within the actor's `Opportunity.read` scope (a rep's own pipeline, a manager's team's); a role
 * without it is refused.
 */
export const pipelineReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: { readonly period?: Period; readonly ownerIds?: readonly string[] } = {},
): Promise<E.Either<ReadRefusal, PipelineRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Opportunity.read');
    if (E.isLeft(scope)) return scope;
    const rows = new Map<
      string,
      { row: Omit<PipelineRow, 'weighted'>; weighted: Map<string, bigint> }
    >();
    for await (const { doc: deal } of activeDocuments(readModels, 'deals', DealDocument)) {
      if (deal.outcome !== 'open' || !inReadScope(scope.right, deal.ownerId, deal.opportunityId))
        continue;
      if (options.ownerIds !== undefined && !options.ownerIds.includes(deal.ownerId)) continue;
      const closePeriod = periodOf(deal.expectedCloseOn, options.period ?? 'month');
      const key = [closePeriod, deal.stageId, deal.forecastCategory].join('\u0000');
      const entry = rows.get(key) ?? {
        row: {
          closePeriod,
          stageId: deal.stageId,
          forecastCategory: deal.forecastCategory,
          deals: 0,
          amount: {},
        },
        weighted: new Map<string, bigint>(),
      };
      entry.row = {
        ...entry.row,
        deals: entry.row.deals + 1,
        amount: addAmount(entry.row.amount, deal.amount),
      };
      const { currency, amountMinor } = deal.amount;
      entry.weighted.set(
        currency,
        (entry.weighted.get(currency) ?? 0n) + BigInt(amountMinor) * BigInt(deal.probabilityBps),
      );
      rows.set(key, entry);
    }
    return E.right(
      [...rows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, { row, weighted }]) => ({
          ...row,
          weighted: Object.fromEntries(
            [...weighted].map(([currency, sum]) => [currency, Number(roundHalfEven(sum, BASIS))]),
          ),
        })),
    );
  });
