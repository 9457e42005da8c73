import * as t from 'io-ts';
import { SalesPeriod } from '../shared/period.js';
import { eventCodec } from '../shared/eventCodec.js';
import { NonNegativeMoney } from '../shared/money.js';

/** A rep's expense budget for a period was set (`previous`: what it was, if anything). */
export const ExpenseBudgetSet = eventCodec(
  'ExpenseBudgetSet',
  t.intersection([
    t.type({ repId: t.string, period: SalesPeriod, amount: NonNegativeMoney }),
    t.partial({ previous: NonNegativeMoney }),
  ]),
);

/** A period's budget was withdrawn (`previous`: what it was). */
export const ExpenseBudgetCleared = eventCodec(
  'ExpenseBudgetCleared',
  t.type({ repId: t.string, period: SalesPeriod, previous: NonNegativeMoney }),
);

/** Every event of a rep's ExpenseBudget stream. */
export const ExpenseBudgetEvent = t.union(
  [ExpenseBudgetSet, ExpenseBudgetCleared],
  'ExpenseBudgetEvent',
);
/** Every event of a rep's ExpenseBudget stream. */
export type ExpenseBudgetEvent = t.TypeOf<typeof ExpenseBudgetEvent>;
