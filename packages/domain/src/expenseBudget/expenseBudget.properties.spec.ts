import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { ExpenseBudgetCommand } from './commands.js';
import { expenseBudgetDecider } from './decide.js';
import { ExpenseBudgetEvent } from './events.js';
import { ExpenseBudgetStateCodec } from './stateCodec.js';

const period = fc.constantFrom('2026', '2026-Q1', '2026-Q2', '2026-03', '2026-04');
const set = fc
  .record({
    period,
    amountMinor: fc.integer({ min: 0, max: 500_000 }),
    currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  })
  .map(
    ({ period: p, amountMinor, currency }) =>
      ({
        kind: 'SetExpenseBudget',
        repId: 'rep-1',
        period: p,
        amount: { amountMinor, currency },
      }) as unknown as ExpenseBudgetCommand,
  );
const clear = period.map((p): ExpenseBudgetCommand => ({
  kind: 'ClearExpenseBudget',
  repId: 'rep-1',
  period: p,
}));

describe('expense budget properties', () => {
  it("a snapshot taken anywhere in a rep's budget history, plus the events after it, equals the full replay", () => {
    assertReplayDeterminism(
      expenseBudgetDecider,
      ExpenseBudgetEvent,
      startingWith(set, fc.oneof(set, set, clear)),
      {
        numRuns: 100,
        mustReach: { ExpenseBudgetCleared: 0.3 },
        stateCodec: ExpenseBudgetStateCodec,
      },
    );
  });
});
