import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { eur, pricedSeatLine } from '../testing/quoteFixtures.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { ContractCommand } from './commands.js';
import { contractDecider } from './decide.js';
import { ContractEvent } from './events.js';
import { ContractStateCodec } from './stateCodec.js';

const START = '2026-01-31';
/** A day some way into the contract's life: the first terms and a little after. */
const on = fc.integer({ min: 0, max: 1_200 }).map((offset) => addDays(START as never, offset));
const lines = [pricedSeatLine(0)];
const totals = { net: eur(120_000), tax: eur(24_000), total: eur(144_000) };
const start = fc.record({ autoRenew: fc.boolean(), termMonths: fc.constantFrom(1, 12) }).map(
  ({ autoRenew, termMonths }) =>
    ({
      kind: 'StartContract',
      contractId: 'ct',
      customerId: 'cus-1',
      ownerId: 'rep-1',
      currency: 'EUR',
      terms: { startOn: START, termMonths, autoRenew, noticeDays: 30, billing: 'monthly' },
      lines,
      totals,
    }) as unknown as ContractCommand,
);
const following: fc.Arbitrary<ContractCommand> = fc.oneof(
  fc.record({ day: on, autoRenew: fc.boolean() }).map(({ day, autoRenew }) => ({
    kind: 'AmendContract' as const,
    contractId: 'ct',
    amendedOn: day,
    lines: [pricedSeatLine(0), pricedSeatLine(0, 'l2')],
    totals: { net: eur(240_000), tax: eur(48_000), total: eur(288_000) },
    autoRenew,
  })),
  on.map((day) => ({ kind: 'RenewContract' as const, contractId: 'ct', renewedOn: day })),
  on.map((day) => ({ kind: 'RenewContract' as const, contractId: 'ct', renewedOn: day })),
  on.map((day) => ({ kind: 'GiveContractNotice' as const, contractId: 'ct', noticeGivenOn: day })),
  on.map((day) => ({ kind: 'EndContract' as const, contractId: 'ct', today: day })),
);

describe('contract properties', () => {
  it('a snapshot taken anywhere in a contract history, plus the events after it, equals the full replay', () => {
    assertReplayDeterminism(
      contractDecider,
      ContractEvent,
      startingWith(start, following, { minLength: 4, maxLength: 14 }),
      {
        numRuns: 300,
        minEvents: 2,
        // Floors well under the rates the generator gives (an amendment in about a quarter of the
        // runs): at 0.2 of 100 runs a random seed fell short (19) in CI.
        mustReach: { ContractRenewed: 0.3, ContractNoticeGiven: 0.15, ContractAmended: 0.08 },
        stateCodec: ContractStateCodec,
      },
    );
  });
});
