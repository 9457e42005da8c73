import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import { expenseBudgetDecider } from './decide.js';
import type { ExpenseBudgetEvent } from './events.js';

const spec = deciderSpec(expenseBudgetDecider);
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const set = (amountMinor: number): ExpenseBudgetEvent => ({
  type: 'ExpenseBudgetSet',
  data: { repId: 'rep-1', period: '2026-Q1', amount: eur(amountMinor) },
});

describe('expense budget', () => {
  it('sets a rep budget for a period, and a new amount records the previous one', () => {
    spec
      .given([])
      .when({ kind: 'SetExpenseBudget', repId: 'rep-1', period: '2026-Q1', amount: eur(100_000) })
      .then([set(100_000)]);
    spec
      .given([set(100_000)])
      .when({ kind: 'SetExpenseBudget', repId: 'rep-1', period: '2026-Q1', amount: eur(120_000) })
      .then([
        {
          type: 'ExpenseBudgetSet',
          data: { repId: 'rep-1', period: '2026-Q1', amount: eur(120_000), previous: eur(100_000) },
        },
      ]);
  });

  it('keeps a period budget in its first currency', () => {
    spec
      .given([set(100_000)])
      .when({
        kind: 'SetExpenseBudget',
        repId: 'rep-1',
        period: '2026-Q1',
        amount: { amountMinor: 1, currency: 'USD' } as never,
      })
      .thenFails({
        kind: 'BudgetCurrencyMismatch',
        period: '2026-Q1',
        expected: 'EUR',
        actual: 'USD',
      });
  });

  it('withdraws a period budget, recording what it was', () => {
    spec
      .given([set(100_000)])
      .when({ kind: 'ClearExpenseBudget', repId: 'rep-1', period: '2026-Q1' })
      .then([
        {
          type: 'ExpenseBudgetCleared',
          data: { repId: 'rep-1', period: '2026-Q1', previous: eur(100_000) },
        },
      ]);
  });
});
