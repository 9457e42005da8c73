import * as t from 'io-ts';
import { MoneyByCurrency } from '../../definitions/moneyByCurrency.js';

/**
 * One rep's commission in one period: the target of the plan, commission accrued and clawed back
 * for the period, what the plan's rule for leavers withheld from a rep who left (what `keep` would
 * have paid less what they were paid), and settlements paid out during it (paid-out months are
 * keyed by month).
 */
export const CommissionDocument = t.type(
  {
    repId: t.string,
    period: t.string,
    target: t.union([t.type({ amountMinor: t.number, currency: t.string }), t.null]),
    accrued: MoneyByCurrency,
    clawedBack: MoneyByCurrency,
    withheld: MoneyByCurrency,
    paid: MoneyByCurrency,
  },
  'CommissionDocument',
);
/** One rep's commission in one period. */
export type CommissionDocument = t.TypeOf<typeof CommissionDocument>;

/** The key of a rep-period document. */
export const commissionKey = (repId: string, period: string): string => `rep:${period}:${repId}`;
