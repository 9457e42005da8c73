import type { EventStore } from '@clientele/eventstore';
import type { LeaverRule, RolePolicy } from '@clientele/domain';
import {
  createCommissionService,
  leaverRuleOf,
  monthOf,
  monthsOf,
  noTeams,
  serviceAndFinanceAuthorizers,
} from '@clientele/domain';

/** A commission period of the leaver that their departure reaches, and its plan's rule. */
export interface LeaverCommissionPeriod {
  readonly period: string;
  readonly rule: LeaverRule;
}

/**
 * The rep's commission periods that end on or after `leavesOn`, each with its plan's rule for
 * leavers: what the commission accrual will apply to the base they count after the departure.
 */
export const leaverCommissionPeriods = async (
  store: EventStore,
  repId: string,
  leavesOn: string,
  policy: RolePolicy,
): Promise<readonly LeaverCommissionPeriod[]> => {
  const commissions = createCommissionService(store, {
    authorize: serviceAndFinanceAuthorizers(policy, noTeams).commission,
  });
  const { periods } = await commissions.load(repId);
  return Object.entries(periods)
    .filter(([period]) => (monthsOf(period).at(-1) ?? period) >= monthOf(leavesOn))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, ledger]) => ({ period, rule: leaverRuleOf(ledger.plan) }));
};
