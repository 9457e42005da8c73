import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { leadFunnel } from '../readModels/funnel/funnelCalculation.js';
import { dealsProjection } from '../readModels/deals/dealsProjection.js';
import { leadsProjection } from '../readModels/leads/leadsProjection.js';
import { appendHistory } from '../testing/domainHistory.js';
import { contacted, lead } from '../testing/salesEvents.js';
import { readModelsAsOf } from './readModelsAsOf.js';
import { administratorAccess, allowed } from '../testing/readAccess.js';

describe('read models as of a moment', () => {
  it('answers any report as known at a moment and as effective at a moment', async () => {
    let day = 0;
    // Recorded on 1, 2 and 3 March; the contact on 3 March was back-dated to 6 January.
    const events = createInMemoryEventStore({ now: () => new Date(Date.UTC(2026, 2, 1 + day++)) });
    await appendHistory(events, [
      lead('L1', 'web', '2026-01-05'),
      lead('L2', 'web', '2026-02-10'),
      contacted('L1', '2026-01-06'),
    ]);
    const projections = [leadsProjection, dealsProjection];
    const reached = async (asOf: Parameters<typeof readModelsAsOf>[2]) => {
      const [row] = await allowed(
        leadFunnel(await readModelsAsOf(events, projections, asOf), administratorAccess),
      );
      return row?.stages.slice(0, 2).map((s) => s.reached);
    };
    expect(await reached({ knownAt: '2026-03-02T12:00:00Z' })).toEqual([2, 0]); // the contact not yet entered
    expect(await reached({ effectiveAt: '2026-01-31T00:00:00Z' })).toEqual([1, 1]); // L2 not yet captured
    expect(await reached({ knownAt: '2026-03-04T00:00:00Z' })).toEqual([2, 1]);
  });
});
