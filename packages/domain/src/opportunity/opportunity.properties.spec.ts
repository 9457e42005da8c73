import * as E from 'fp-ts/lib/Either.js';
import { foldEvents } from '@clientele/eventstore';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpportunityCommand } from './commands.js';
import type { OpportunityEvent } from './events.js';
import { assertReplayDeterminism } from '../testing/replayProperty.js';
import { opportunityDecider } from './decide.js';
import { OpportunityEvent as OpportunityEventCodec } from './events.js';
import { DEFAULT_B2B_PIPELINE } from './pipeline.js';

const opportunityId = fc.constant('opp-1');
const money = fc.record({
  amountMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
  currency: fc.constant('EUR'),
});
const stageId = fc.constantFrom(
  ...DEFAULT_B2B_PIPELINE.stages.map((stage) => stage.stageId),
  'unknown',
);
const command = fc.oneof(
  fc.record({
    kind: fc.constant('OpenOpportunity'),
    opportunityId,
    name: fc.constant('Deal'),
    ownerId: fc.constantFrom('rep-1', 'rep-2'),
    amount: money,
    expectedCloseOn: fc.constant('2026-06-30'),
  }),
  fc.record({ kind: fc.constant('MoveOpportunityStage'), opportunityId, toStageId: stageId }),
  fc.record({ kind: fc.constant('ChangeOpportunityAmount'), opportunityId, amount: money }),
  fc.record({
    kind: fc.constant('ChangeOpportunityCloseDate'),
    opportunityId,
    expectedCloseOn: fc.constantFrom('2026-07-31', '2026-09-30'),
  }),
  fc.record({
    kind: fc.constant('RecordCompetitor'),
    opportunityId,
    competitor: fc.constantFrom('Globex', 'Initech'),
  }),
  fc.record({
    kind: fc.constant('IssueQuote'),
    opportunityId,
    quoteId: fc.constantFrom('q-1', 'q-2', 'q-3'),
    lines: fc.array(
      fc.record({
        product: fc.constant('Seat'),
        quantity: fc.integer({ min: 1, max: 1_000 }),
        unitPrice: fc.record({
          amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
          currency: fc.constant('EUR'),
        }),
        discountBps: fc.integer({ min: 0, max: 10_000 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
  fc.record(
    { kind: fc.constant('MarkOpportunityWon'), opportunityId, wonOn: fc.constant('2026-05-01') },
    { requiredKeys: ['kind', 'opportunityId', 'wonOn'] },
  ),
  fc.record({
    kind: fc.constant('MarkOpportunityLost'),
    opportunityId,
    lostOn: fc.constant('2026-05-01'),
    reason: fc.constant('price'),
  }),
  fc.record(
    { kind: fc.constant('ReopenOpportunity'), opportunityId, toStageId: stageId },
    { requiredKeys: ['kind', 'opportunityId'] },
  ),
) as unknown as fc.Arbitrary<OpportunityCommand>;

describe('opportunity properties', () => {
  it('replays any sequence of accepted commands to the same state', () => {
    assertReplayDeterminism(
      opportunityDecider,
      OpportunityEventCodec,
      fc.array(command, { maxLength: 30 }),
    );
  });

  it('keeps every won amount and quote total exact: totals equal the sum of their parts', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (sequence) => {
        let state = opportunityDecider.initialState;
        const events: OpportunityEvent[] = [];
        for (const next of sequence) {
          const decision = opportunityDecider.decide(next, state);
          if (E.isLeft(decision)) continue;
          events.push(...decision.right);
          state = foldEvents(opportunityDecider, events);
        }
        for (const event of events) {
          if (event.type !== 'QuoteIssued') continue;
          const sum = event.data.lines.reduce(
            (total, line) => total + BigInt(line.net.amountMinor),
            0n,
          );
          expect(BigInt(event.data.total.amountMinor)).toBe(sum);
          expect(Number.isSafeInteger(event.data.total.amountMinor)).toBe(true);
        }
        const lastWin = events.filter((event) => event.type === 'OpportunityWon').at(-1);
        if (lastWin !== undefined && 'opened' in state && state.status === 'won') {
          expect(state.amount).toEqual(lastWin.data.amount);
        }
      }),
      { numRuns: 200 },
    );
  });
});
