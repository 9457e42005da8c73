import { describe, expect, it } from 'vitest';
import { position } from '@clientele/eventstore';
import type { RecordedEvent } from '@clientele/eventstore';
import { campaignsProjection } from './campaignsProjection.js';

let n = 0;
const recorded = (type: string, data: unknown): RecordedEvent => {
  n += 1;
  return {
    type,
    data,
    eventId: `0193d000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamName: 'Campaign-c1',
    streamRevision: BigInt(n - 1),
    position: position(BigInt(n)),
    recordedAt: '2026-02-01T00:00:00.000Z',
    metadata: {
      occurredAt: '2026-02-01T00:00:00.000Z',
      actor: { id: 'm', role: 'marketing' },
      correlationId: 'c',
      causationId: null,
      commandId: 'x',
      schemaVersion: 1,
    },
  };
};

describe('campaigns read model', () => {
  it('keeps the budget and counts each actual cost once', () => {
    const planned = recorded('CampaignPlanned', {
      campaignId: 'c1',
      name: 'Spring fair',
      channel: 'exhibition',
      targetAudience: 'SMB',
      budget: { amountMinor: 500_000, currency: 'EUR' },
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
    });
    const cost = recorded('CampaignCostRecorded', {
      campaignId: 'c1',
      costId: 'k1',
      amount: { amountMinor: 120_000, currency: 'EUR' },
      incurredOn: '2026-03-02',
      category: 'booth',
    });
    const doc = [planned, cost, cost].reduce(
      (current, event) => campaignsProjection.apply(current, event, 'campaign:c1'),
      campaignsProjection.initial('campaign:c1'),
    );
    expect(doc).toMatchObject({
      name: 'Spring fair',
      budget: { EUR: 500_000 },
      actualCost: { EUR: 120_000 },
      costIds: ['k1'],
    });
    expect(campaignsProjection.keysOf(cost)).toEqual(['campaign:c1']);
  });
});
