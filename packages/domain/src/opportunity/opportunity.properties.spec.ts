import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpportunityCommand } from './commands.js';
import type { OpportunityEvent } from './events.js';
import type { OpportunityState } from './state.js';
import type { Lifecycle } from '../testing/lifecycle.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { opportunityDecider } from './decide.js';
import { OpportunityEvent as OpportunityEventCodec } from './events.js';
import { DEFAULT_B2B_PIPELINE, findStage } from './pipeline.js';
import { OpportunityStateCodec } from './stateCodec.js';

const opportunityId = 'opp-1';
const money = fc.record({
  amountMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
  currency: fc.constant('EUR'),
});
const openStageIds = DEFAULT_B2B_PIPELINE.stages
  .filter((stage) => !stage.closed)
  .map((stage) => stage.stageId);
// Mostly open stages, so deals move; now and then a closed or unknown one, which must be refused.
const stageId = fc.oneof(
  { arbitrary: fc.constantFrom(...openStageIds), weight: 8 },
  { arbitrary: fc.constantFrom('closedWon', 'closedLost', 'unknown'), weight: 1 },
);
const quoteLine = fc.record({
  product: fc.constant('Seat'),
  quantity: fc.integer({ min: 1, max: 1_000 }),
  unitPrice: fc.record({
    amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    currency: fc.constant('EUR'),
  }),
  discountBps: fc.integer({ min: 0, max: 10_000 }),
});

const openOpportunity = fc.record({
  kind: fc.constant('OpenOpportunity'),
  opportunityId: fc.constant(opportunityId),
  name: fc.constant('Deal'),
  ownerId: fc.constantFrom('rep-1', 'rep-2'),
  amount: money,
  expectedCloseOn: fc.constant('2026-06-30'),
});
const following = fc
  .oneof(
    { arbitrary: openOpportunity, weight: 1 },
    {
      arbitrary: fc.record({ kind: fc.constant('MoveOpportunityStage'), toStageId: stageId }),
      weight: 6,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('ChangeOpportunityAmount'), amount: money }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('ChangeOpportunityCloseDate'),
        expectedCloseOn: fc.constantFrom('2026-07-31', '2026-09-30'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('RecordCompetitor'),
        competitor: fc.constantFrom('Globex', 'Initech'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('IssueQuote'),
        quoteId: fc.nat(9).map((n) => `q-${String(n)}`),
        lines: fc.array(quoteLine, { minLength: 1, maxLength: 5 }),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record(
        {
          kind: fc.constant('MarkOpportunityWon'),
          wonOn: fc.constant('2026-05-01'),
          finalAmount: money,
        },
        { requiredKeys: ['kind', 'wonOn'] },
      ),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('MarkOpportunityLost'),
        lostOn: fc.constant('2026-05-01'),
        reason: fc.constant('price'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record(
        { kind: fc.constant('ReopenOpportunity'), toStageId: stageId },
        { requiredKeys: ['kind'] },
      ),
      weight: 2,
    },
  )
  .map((command) => ({ ...command, opportunityId }));
const commands = startingWith(
  openOpportunity as fc.Arbitrary<unknown>,
  following as fc.Arbitrary<unknown>,
) as fc.Arbitrary<readonly OpportunityCommand[]>;

/** Open deals sit in an open stage, won and lost ones in the pipeline's closed stage of that name. */
const lifecycle: Lifecycle<OpportunityEvent, OpportunityState> = {
  statusOf: (state) => {
    if (!('opened' in state)) return 'none';
    const stage = findStage(state.pipeline, state.stageId);
    const consistent =
      stage !== undefined &&
      (state.status === 'open'
        ? !stage.closed
        : stage.closed && stage.won === (state.status === 'won'));
    return consistent ? state.status : `${state.status} in stage ${state.stageId}`;
  },
  transitions: { none: ['open'], open: ['won', 'lost'], won: ['open'], lost: ['open'] },
};

describe('opportunity properties', () => {
  it('replays any sequence of accepted commands to the same state, from a snapshot anywhere in it too, moving only along the pipeline', () => {
    assertReplayDeterminism(opportunityDecider, OpportunityEventCodec, commands, {
      lifecycle,
      stateCodec: OpportunityStateCodec,
      mustReach: {
        OpportunityStageChanged: 0.65,
        OpportunityWon: 0.3,
        OpportunityLost: 0.3,
        OpportunityReopened: 0.2,
      },
    });
  });

  it('keeps every won amount and quote total exact: totals equal the sum of their parts', () => {
    assertReplayDeterminism(opportunityDecider, OpportunityEventCodec, commands, {
      mustReach: { QuoteIssued: 0.65 },
      invariant: ({ events, after }) => {
        for (const event of events) {
          if (event.type === 'QuoteIssued') {
            let sum = 0n;
            for (const line of event.data.lines) {
              const gross = BigInt(line.quantity) * BigInt(line.unitPrice.amountMinor);
              expect(BigInt(line.gross.amountMinor)).toBe(gross);
              // Rounded half to even: never more than half a minor unit from the exact discount.
              const exactTimes10k = gross * BigInt(line.discountBps ?? 0);
              const offBy = BigInt(line.discount.amountMinor) * 10_000n - exactTimes10k;
              expect(offBy >= -5_000n && offBy <= 5_000n).toBe(true);
              expect(BigInt(line.net.amountMinor)).toBe(gross - BigInt(line.discount.amountMinor));
              sum += BigInt(line.net.amountMinor);
            }
            expect(BigInt(event.data.total.amountMinor)).toBe(sum);
            expect(Number.isSafeInteger(event.data.total.amountMinor)).toBe(true);
          }
          if (event.type === 'OpportunityWon' && 'opened' in after) {
            expect(after.amount).toEqual(event.data.amount);
          }
        }
      },
    });
  });
});
