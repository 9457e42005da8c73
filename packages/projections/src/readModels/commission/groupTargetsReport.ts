import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import type { ReadAccess } from '../../access/readAccess.js';
import { monthsOf } from '@clientele/domain';
import { type MoneyByCurrency, addAmount, addTotals } from '../../definitions/moneyByCurrency.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { type PerformanceGrouping, creditedGroups } from '../salesOrganization/creditedGroup.js';
import { targetsReport } from './targetsReport.js';

/** Targets, results and commission of a team, manager, office or region in one period. */
export interface GroupTargetRow {
  readonly group: string;
  readonly period: string;
  /** The members' targets, per currency. */
  readonly target: MoneyByCurrency;
  readonly wonRevenue: MoneyByCurrency;
  /** Won revenue ÷ target, per currency of the target. */
  readonly attainment: Readonly<Record<string, Ratio>>;
  readonly collected: MoneyByCurrency;
  readonly commissionAccrued: MoneyByCurrency;
  readonly commissionClawedBack: MoneyByCurrency;
  /** What the plans' rules for leavers withheld from the group's reps who left. */
  readonly commissionWithheld: MoneyByCurrency;
  readonly commissionPaid: MoneyByCurrency;
}

/**
 * The reps' targets, results and commission summed per team, manager, office or region, each rep
 * counted in the group they belonged to on the first day of the period. A group sums only the
 * reps within the actor's `Commission.read` scope.
 */
export const groupTargetsReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  groupBy: Exclude<PerformanceGrouping, 'rep'>,
): Promise<E.Either<ReadRefusal, GroupTargetRow[]>> =>
  answerUnbuilt(async () => {
    const reps = await targetsReport(readModels, access);
    if (E.isLeft(reps)) return reps;
    const groupOf = await creditedGroups(readModels, groupBy);
    const groups = new Map<string, Omit<GroupTargetRow, 'attainment'>>();
    for (const row of reps.right) {
      const group = groupOf(row.repId, `${monthsOf(row.period)[0] as string}-01`);
      const key = `${group}\u0000${row.period}`;
      const sum = groups.get(key) ?? {
        group,
        period: row.period,
        target: {},
        wonRevenue: {},
        collected: {},
        commissionAccrued: {},
        commissionClawedBack: {},
        commissionWithheld: {},
        commissionPaid: {},
      };
      groups.set(key, {
        ...sum,
        target: row.target === null ? sum.target : addAmount(sum.target, row.target),
        wonRevenue: addTotals(sum.wonRevenue, row.wonRevenue),
        collected: addTotals(sum.collected, row.collected),
        commissionAccrued: addTotals(sum.commissionAccrued, row.commissionAccrued),
        commissionClawedBack: addTotals(sum.commissionClawedBack, row.commissionClawedBack),
        commissionWithheld: addTotals(sum.commissionWithheld, row.commissionWithheld),
        commissionPaid: addTotals(sum.commissionPaid, row.commissionPaid),
      });
    }
    return E.right(
      [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, sum]) => ({
          ...sum,
          attainment: Object.fromEntries(
            Object.entries(sum.target).map(([currency, target]) => [
              currency,
              ratio(sum.wonRevenue[currency] ?? 0, target),
            ]),
          ),
        })),
    );
  });
