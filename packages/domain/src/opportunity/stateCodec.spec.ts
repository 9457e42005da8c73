import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_B2B_PIPELINE } from './pipeline.js';
import { OpportunityStateCodec } from './stateCodec.js';
import { initialOpportunityState } from './state.js';

describe('opportunity snapshots', () => {
  it('round-trip an opened deal and the empty state through JSON', () => {
    const opened = {
      opened: true as const,
      opportunityId: 'o1',
      pipeline: DEFAULT_B2B_PIPELINE,
      status: 'open' as const,
      stageId: 'proposal',
      lastOpenStageId: 'proposal',
      amount: { amountMinor: 120_000, currency: 'EUR' },
      expectedCloseOn: '2026-06-30',
      ownerId: 'rep-1',
      customerId: null,
      competitors: ['Globex'],
      quoteIds: [],
    };
    for (const state of [initialOpportunityState, opened]) {
      const json = JSON.parse(
        JSON.stringify(OpportunityStateCodec.encode(state as never)),
      ) as unknown;
      expect(OpportunityStateCodec.decode(json)).toEqual(E.right(state));
    }
  });

  it('refuse a snapshot whose shape no longer matches', () => {
    expect(E.isLeft(OpportunityStateCodec.decode({ opened: true, opportunityId: 'o1' }))).toBe(
      true,
    );
  });
});
