import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { NonNegativeMoney } from '../shared/money.js';
import type { ExpenseBudgetCommand } from './commands.js';
import type { ExpenseBudgetEvent } from './events.js';

/** A rep's expense budgets: the amount of each period. */
export interface ExpenseBudgetState {
  readonly budgets: Readonly<Record<string, NonNegativeMoney>>;
}

/** Why an expense budget was refused: a period's budget keeps its first currency. */
export type ExpenseBudgetError = {
  readonly kind: 'BudgetCurrencyMismatch';
  readonly period: string;
  readonly expected: string;
  readonly actual: string;
};

const decide = (
  command: ExpenseBudgetCommand,
  state: ExpenseBudgetState,
): E.Either<ExpenseBudgetError, readonly ExpenseBudgetEvent[]> => {
  const previous = state.budgets[command.period];
  if (command.kind === 'ClearExpenseBudget') {
    const { repId, period } = command;
    return E.right(
      previous === undefined
        ? []
        : [{ type: 'ExpenseBudgetCleared', data: { repId, period, previous } }],
    );
  }
  const { kind: _, ...budget } = command;
  if (previous === undefined) return E.right([{ type: 'ExpenseBudgetSet', data: budget }]);
  if (previous.currency !== command.amount.currency) {
    return E.left({
      kind: 'BudgetCurrencyMismatch',
      period: command.period,
      expected: previous.currency,
      actual: command.amount.currency,
    });
  }
  return E.right(
    previous.amountMinor === command.amount.amountMinor
      ? []
      : [{ type: 'ExpenseBudgetSet', data: { ...budget, previous } }],
  );
};

/**
 * A rep's expense budgets, one per period (month, quarter or year): setting one again replaces
 * it and records what it was; the same amount again records nothing.
 */
export const expenseBudgetDecider: Decider<
  ExpenseBudgetCommand,
  ExpenseBudgetEvent,
  ExpenseBudgetState,
  ExpenseBudgetError
> = {
  initialState: { budgets: {} },
  decide,
  evolve: (state, event) => {
    const { [event.data.period]: _, ...others } = state.budgets;
    return {
      budgets:
        event.type === 'ExpenseBudgetSet'
          ? { ...others, [event.data.period]: event.data.amount }
          : others,
    };
  },
};
