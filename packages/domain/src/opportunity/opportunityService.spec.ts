import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/commandContexts.js';
import { createOpportunityService } from './opportunityService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

describe('opportunity service', () => {
  it('rejects negative money and a bad date naming the fields, and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
    const result = await opportunities.handle(
      {
        kind: 'OpenOpportunity',
        opportunityId: 'opp-1',
        name: 'Deal',
        ownerId: 'rep-1',
        amount: { amountMinor: -5, currency: 'EUR' },
        expectedCloseOn: 'next tuesday',
      },
      testContext(),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'InvalidCommand',
      problems: [
        expect.stringMatching(/^amount\.amountMinor: /),
        expect.stringMatching(/^expectedCloseOn: /),
      ],
    });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('refuses an unknown stage as a rule of the pipeline, appending nothing', async () => {
    const store = createInMemoryEventStore();
    const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
    const result = await opportunities.handle(
      {
        kind: 'OpenOpportunity',
        opportunityId: 'opp-1',
        name: 'Deal',
        ownerId: 'rep-1',
        amount: { amountMinor: 500, currency: 'EUR' },
        expectedCloseOn: '2026-06-30',
        stageId: 'daydreaming',
      },
      testContext(),
    );
    expect(result).toEqual(
      E.left({ kind: 'UnknownStage', stageId: 'daydreaming', pipelineId: 'b2b' }),
    );
    expect(await store.headPosition()).toBeUndefined();
  });
});
