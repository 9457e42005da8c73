import * as t from 'io-ts';
import { SalesPeriod } from '../shared/period.js';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonNegativeMoney } from '../shared/money.js';

const command = commandCodecFor('repId');

/** Set what a rep may spend on sales expenses in a month, quarter or year. */
export const SetExpenseBudget = command(
  'SetExpenseBudget',
  { period: SalesPeriod, amount: NonNegativeMoney },
  {},
);

/** Withdraw a period's budget: the rep has none for it any more. */
export const ClearExpenseBudget = command('ClearExpenseBudget', { period: SalesPeriod }, {});

/** Every command of a rep's ExpenseBudget stream. */
export const ExpenseBudgetCommand = t.union(
  [SetExpenseBudget, ClearExpenseBudget],
  'ExpenseBudgetCommand',
);
/** Every command of a rep's ExpenseBudget stream. */
export type ExpenseBudgetCommand = t.TypeOf<typeof ExpenseBudgetCommand>;
/** An ExpenseBudget command as code writes it. */
export type ExpenseBudgetCommandInput = t.OutputOf<typeof ExpenseBudgetCommand>;
