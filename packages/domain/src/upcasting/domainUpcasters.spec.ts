import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore, position } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { CampaignEvent } from '../campaign/events.js';
import { CommissionEvent } from '../commission/events.js';
import { decodeStoredEvent, domainUpcasters, withDomainUpcasting } from './domainUpcasters.js';

const stored = (type: string, data: unknown, schemaVersion: number): RecordedEvent => ({
  type,
  data,
  eventId: '0193a000-0000-7000-8000-000000000001',
  streamName: 'Campaign-c1',
  streamRevision: 0n,
  position: position(1n),
  recordedAt: '2026-01-06T07:13:00.000Z',
  metadata: {
    occurredAt: '2026-01-06T07:13:00.000Z',
    actor: { id: 'marketing-1', role: 'marketing' },
    correlationId: 'c',
    causationId: null,
    commandId: 'c',
    schemaVersion,
  },
});

describe('domain upcasters', () => {
  it('reads a version-1 CampaignLaunched with its launchedOn renamed wentLiveOn', () => {
    const v1 = stored('CampaignLaunched', { campaignId: 'c1', launchedOn: '2026-01-06' }, 1);
    expect(decodeStoredEvent(CampaignEvent, v1)).toEqual(
      E.right({ type: 'CampaignLaunched', data: { campaignId: 'c1', wentLiveOn: '2026-01-06' } }),
    );
  });

  it('splits a version-1 cost amount into amountMinor and currency, keeping every other field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('EUR', 'USD', 'CNY', 'JPY'),
        (amountMinor, currency) => {
          const data = {
            campaignId: 'c1',
            costId: 'c1-1',
            amount: { amountMinor, currency },
            incurredOn: '2026-01-10',
            category: 'print',
          };
          const decoded = decodeStoredEvent(CampaignEvent, stored('CampaignCostRecorded', data, 1));
          expect(decoded).toEqual(
            E.right({
              type: 'CampaignCostRecorded',
              data: {
                campaignId: 'c1',
                costId: 'c1-1',
                amountMinor,
                currency,
                incurredOn: '2026-01-10',
                category: 'print',
              },
            }),
          );
        },
      ),
    );
  });

  it('refuses a version-1 cost with no amount instead of inventing one', () => {
    const broken = stored('CampaignCostRecorded', { campaignId: 'c1', costId: 'x' }, 1);
    expect(E.isLeft(decodeStoredEvent(CampaignEvent, broken))).toBe(true);
  });

  it('leaves current events alone and stamps new ones with version 2', () => {
    const v2 = stored('CampaignLaunched', { campaignId: 'c1', wentLiveOn: '2026-01-06' }, 2);
    expect(domainUpcasters.upcast(v2)).toBe(v2);
    expect(domainUpcasters.currentVersion('CampaignLaunched')).toBe(2);
    expect(domainUpcasters.currentVersion('CampaignCostRecorded')).toBe(2);
    expect(domainUpcasters.currentVersion('LeadCaptured')).toBe(1);
  });

  it('reads a version-1 CommissionPlanAssigned as a plan whose rule for leavers is keep', () => {
    const plan = {
      planId: 'p',
      base: 'collected',
      currency: 'EUR',
      rate: { kind: 'flat', rateBps: 500 },
    };
    const data = {
      repId: 'rep-1',
      period: '2026-Q1',
      plan,
      target: { amountMinor: 0, currency: 'EUR' },
    };
    expect(decodeStoredEvent(CommissionEvent, stored('CommissionPlanAssigned', data, 1))).toEqual(
      E.right({
        type: 'CommissionPlanAssigned',
        data: { ...data, plan: { ...plan, leaverRule: 'keep' } },
      }),
    );
    expect(domainUpcasters.currentVersion('CommissionPlanAssigned')).toBe(2);
  });

  it('gives readers of a wrapped store the current shape while the stored bytes stay', async () => {
    const engine = createInMemoryEventStore();
    const { type, data, eventId, metadata } = stored(
      'CampaignLaunched',
      { campaignId: 'c1', launchedOn: '2026-01-06' },
      1,
    );
    await engine.appendToStream('Campaign-c1', [{ type, data, eventId, metadata }]);
    for await (const event of withDomainUpcasting(engine).readStream('Campaign-c1'))
      expect(event.data).toEqual({ campaignId: 'c1', wentLiveOn: '2026-01-06' });
    for await (const event of engine.readStream('Campaign-c1'))
      expect(event.data).toEqual({ campaignId: 'c1', launchedOn: '2026-01-06' });
  });
});
