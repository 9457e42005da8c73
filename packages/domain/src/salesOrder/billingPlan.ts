import * as t from 'io-ts';
import { TermMonths } from '../quote/values.js';

/** Brand of {@link InstallmentCount}. */
export interface InstallmentCountBrand {
  readonly InstallmentCount: unique symbol;
}
/** A number of installments, 2 to 60. */
export const InstallmentCount = t.brand(
  t.number,
  (n): n is t.Branded<number, InstallmentCountBrand> =>
    Number.isSafeInteger(n) && n >= 2 && n <= 60,
  'InstallmentCount',
);

/**
 * How an order is invoiced: all at once on the order day (`one_off`, the default), or in
 * `count` installments, the first on the order day and then every `everyMonths` months.
 * Contracts are invoiced by their billing frequency instead.
 */
export const BillingPlan = t.union(
  [
    t.type({ kind: t.literal('one_off') }),
    t.type({ kind: t.literal('installments'), count: InstallmentCount, everyMonths: TermMonths }),
  ],
  'BillingPlan',
);
/** How an order is invoiced. */
export type BillingPlan = t.TypeOf<typeof BillingPlan>;
