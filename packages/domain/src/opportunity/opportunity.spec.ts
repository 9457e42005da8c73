import * as E from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import type { OpportunityEvent } from './events.js';
import { OpportunityCommand } from './commands.js';
import { opportunityDecider } from './decide.js';
import { DEFAULT_B2B_PIPELINE, Pipeline } from './pipeline.js';

const spec = deciderSpec(opportunityDecider);
const opportunityId = 'opp-1';
const decode = (input: unknown): OpportunityCommand => {
  const decoded = OpportunityCommand.decode(input);
  if (E.isLeft(decoded)) throw new Error(formatValidationErrors(decoded.left).join('; '));
  return decoded.right;
};
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const opened: OpportunityEvent = {
  type: 'OpportunityOpened',
  data: {
    opportunityId,
    name: 'Rollout',
    ownerId: 'rep-1',
    amount: eur(1_000_000),
    expectedCloseOn: '2026-06-30' as never,
    pipeline: DEFAULT_B2B_PIPELINE,
    stageId: 'prospecting',
    probabilityBps: 1_000 as never,
    forecastCategory: 'pipeline',
  },
};
const won: OpportunityEvent = {
  type: 'OpportunityWon',
  data: {
    opportunityId,
    stageId: 'closedWon',
    amount: eur(1_000_000),
    wonOn: '2026-05-01' as never,
    ownerId: 'rep-1',
  },
};

describe('opportunity', () => {
  it('opens a deal without a customer in the first stage of the default B2B pipeline', () => {
    spec
      .given([])
      .when(
        decode({
          kind: 'OpenOpportunity',
          opportunityId,
          name: 'Rollout',
          ownerId: 'rep-1',
          amount: { amountMinor: 1_000_000, currency: 'EUR' },
          expectedCloseOn: '2026-06-30',
        }),
      )
      .then([opened]);
  });

  it('records from and to stage with the new stage probability and forecast category', () => {
    spec
      .given([opened])
      .when({ kind: 'MoveOpportunityStage', opportunityId, toStageId: 'negotiation' })
      .then([
        {
          type: 'OpportunityStageChanged',
          data: {
            opportunityId,
            fromStageId: 'prospecting',
            toStageId: 'negotiation',
            probabilityBps: 8_000 as never,
            forecastCategory: 'commit',
          },
        },
      ]);
  });

  it('refuses an unknown stage and a closing stage reached by moving instead of winning or losing', () => {
    spec
      .given([opened])
      .when({ kind: 'MoveOpportunityStage', opportunityId, toStageId: 'dreaming' })
      .thenFails({ kind: 'UnknownStage', stageId: 'dreaming', pipelineId: 'b2b' });
    spec
      .given([opened])
      .when({ kind: 'MoveOpportunityStage', opportunityId, toStageId: 'closedWon' })
      .thenFails({ kind: 'StageIsClosed', stageId: 'closedWon' });
  });

  it('records the previous amount and close date when they change', () => {
    spec
      .given([opened])
      .when(
        decode({
          kind: 'ChangeOpportunityAmount',
          opportunityId,
          amount: { amountMinor: 5, currency: 'EUR' },
        }),
      )
      .then([
        {
          type: 'OpportunityAmountChanged',
          data: { opportunityId, previous: eur(1_000_000), amount: eur(5) },
        },
      ]);
    spec
      .given([opened])
      .when(
        decode({
          kind: 'ChangeOpportunityCloseDate',
          opportunityId,
          expectedCloseOn: '2026-09-30',
        }),
      )
      .then([
        {
          type: 'OpportunityCloseDateChanged',
          data: {
            opportunityId,
            previous: '2026-06-30' as never,
            expectedCloseOn: '2026-09-30' as never,
          },
        },
      ]);
  });

  it('issues a quote whose totals are exact in minor units, discounts rounded half to even', () => {
    spec
      .given([opened])
      .when(
        decode({
          kind: 'IssueQuote',
          opportunityId,
          quoteId: 'q-1',
          lines: [
            {
              product: 'Seat',
              quantity: 3,
              unitPrice: { amountMinor: 333, currency: 'EUR' },
              discountBps: 500,
            },
            {
              product: 'Setup',
              quantity: 1,
              unitPrice: { amountMinor: 50, currency: 'EUR' },
              discountBps: 1_000,
            },
          ],
        }),
      )
      .then([
        {
          type: 'QuoteIssued',
          data: {
            opportunityId,
            quoteId: 'q-1',
            lines: [
              // 999 × 5 % = 49.95 → 50
              {
                product: 'Seat',
                quantity: 3 as never,
                unitPrice: eur(333),
                discountBps: 500 as never,
                gross: eur(999),
                discount: eur(50),
                net: eur(949),
              },
              // 50 × 10 % = 5 exactly
              {
                product: 'Setup',
                quantity: 1 as never,
                unitPrice: eur(50),
                discountBps: 1_000 as never,
                gross: eur(50),
                discount: eur(5),
                net: eur(45),
              },
            ],
            total: eur(994),
          },
        },
      ]);
  });

  it('refuses a quote mixing currencies', () => {
    spec
      .given([opened])
      .when(
        decode({
          kind: 'IssueQuote',
          opportunityId,
          quoteId: 'q-1',
          lines: [
            { product: 'A', quantity: 1, unitPrice: { amountMinor: 1, currency: 'EUR' } },
            { product: 'B', quantity: 1, unitPrice: { amountMinor: 1, currency: 'USD' } },
          ],
        }),
      )
      .thenFails({ kind: 'QuoteCurrencyMismatch', currencies: ['EUR', 'USD'] });
  });

  it('marks a deal won at its final amount and credits the owner', () => {
    spec
      .given([opened])
      .when(decode({ kind: 'MarkOpportunityWon', opportunityId, wonOn: '2026-05-01' }))
      .then([won]);
  });

  it('marks a deal lost with no reason at all, since reps often give none', () => {
    spec
      .given([opened])
      .when(decode({ kind: 'MarkOpportunityLost', opportunityId, lostOn: '2026-05-01' }))
      .then([
        {
          type: 'OpportunityLost',
          data: {
            opportunityId,
            stageId: 'closedLost',
            lostOn: '2026-05-01' as never,
            ownerId: 'rep-1',
          },
        },
      ]);
  });

  it('refuses changes to a closed deal, and reopens it into the stage it closed from', () => {
    spec
      .given([opened, won])
      .when({ kind: 'RecordCompetitor', opportunityId, competitor: 'Globex' })
      .thenFails({ kind: 'OpportunityClosed', opportunityId, status: 'won' });
    spec
      .given([opened, won])
      .when({ kind: 'ReopenOpportunity', opportunityId })
      .then([
        {
          type: 'OpportunityReopened',
          data: {
            opportunityId,
            previousOutcome: 'won',
            stageId: 'prospecting',
            probabilityBps: 1_000 as never,
            forecastCategory: 'pipeline',
          },
        },
      ]);
    spec
      .given([opened])
      .when({ kind: 'ReopenOpportunity', opportunityId })
      .thenFails({ kind: 'OpportunityNotClosed', opportunityId });
  });

  it('accepts a pipeline of the user, and refuses one with no won stage', () => {
    const custom = {
      pipelineId: 'renewals',
      name: 'Renewals',
      stages: [
        {
          stageId: 'due',
          name: 'Due',
          probabilityBps: 5_000,
          forecastCategory: 'commit',
          closed: false,
          won: false,
        },
        {
          stageId: 'renewed',
          name: 'Renewed',
          probabilityBps: 10_000,
          forecastCategory: 'closed',
          closed: true,
          won: true,
        },
        {
          stageId: 'churned',
          name: 'Churned',
          probabilityBps: 0,
          forecastCategory: 'omitted',
          closed: true,
          won: false,
        },
      ],
    };
    expect(E.isRight(Pipeline.decode(custom))).toBe(true);
    const noWin = { ...custom, stages: custom.stages.filter((stage) => !stage.won) };
    expect(E.isLeft(Pipeline.decode(noWin))).toBe(true);
  });

  it('rejects negative money, an unknown forecast category and a bad date, naming each field', () => {
    const result = OpportunityCommand.decode({
      kind: 'OpenOpportunity',
      opportunityId,
      name: 'X',
      ownerId: 'rep-1',
      amount: { amountMinor: -100, currency: 'EUR' },
      expectedCloseOn: '2026-02-30',
    });
    const problems = E.isLeft(result) ? formatValidationErrors(result.left).join('\n') : '';
    expect(problems).toMatch(/amount\.amountMinor: expected NonNegativeMinorUnits, got -100/);
    expect(problems).toMatch(/expectedCloseOn: expected DateOnly/);
  });
});
