import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore, streamCategory } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { CustomerEvent } from '../customer/events.js';
import { LeadEvent } from '../lead/events.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { ReservationEvent } from '../reservations/events.js';
import { SalesOrganizationEvent } from '../salesOrganization/events.js';
import { collect } from '../testing/openedStore.js';
import { generateHistory } from './generateHistory.js';

const codecs: Record<string, { decode: (u: unknown) => E.Either<unknown, unknown> }> = {
  Customer: CustomerEvent,
  CustomerKey: ReservationEvent,
  Lead: LeadEvent,
  Opportunity: OpportunityEvent,
  SalesOrganization: SalesOrganizationEvent,
};

const comparable = (event: RecordedEvent) => ({
  eventId: event.eventId,
  streamName: event.streamName,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

describe('seeded sales history generator', () => {
  it('produces a history in which every event decodes and every part of the funnel occurs', async () => {
    const store = createInMemoryEventStore();
    const world = await generateHistory({ store, seed: 1, steps: 600 });
    const events = await collect(store.readAll());
    for (const event of events) {
      const codec = codecs[streamCategory(event.streamName)];
      expect(codec, event.streamName).toBeDefined();
      expect(E.isRight(codec!.decode({ type: event.type, data: event.data })), event.type).toBe(
        true,
      );
    }
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'CustomerRegistered',
      'LeadCaptured',
      'LeadAssigned',
      'LeadContactAttempted',
      'LeadQualified',
      'LeadDisqualified',
      'LeadConverted',
      'OpportunityOpened',
      'OpportunityStageChanged',
      'QuoteIssued',
      'OpportunityWon',
      'OpportunityLost',
      'RepJoinedTeam',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(world.tally.get('registerCustomer')?.rejected).toBeGreaterThan(0);
    // Won revenue read back from the log equals, to the minor unit, what the generator decided.
    const wonInLog = new Map<string, bigint>();
    for (const event of events) {
      if (event.type !== 'OpportunityWon') continue;
      wonInLog.set(
        event.streamName,
        BigInt((event.data as { amount: { amountMinor: number } }).amount.amountMinor),
      );
    }
    // The generator reopens only lost deals, so every deal it won is won in the log exactly once.
    const decided = [...world.deals.values()]
      .filter((deal) => deal.status === 'won')
      .reduce((sum, deal) => sum + BigInt(deal.amount.amountMinor), 0n);
    expect(decided).toBeGreaterThan(0n);
    expect([...wonInLog.values()].reduce((sum, amount) => sum + amount, 0n)).toBe(decided);
  });

  it('sends the same commands and records the same events for the same seed', async () => {
    const first = createInMemoryEventStore();
    const second = createInMemoryEventStore();
    await generateHistory({ store: first, seed: 99, steps: 250 });
    await generateHistory({ store: second, seed: 99, steps: 250 });
    const a = (await collect(first.readAll())).map(comparable);
    const b = (await collect(second.readAll())).map(comparable);
    expect(a.length).toBeGreaterThan(250);
    expect(b).toEqual(a);
  });

  it('makes a different history from a different seed', async () => {
    const first = createInMemoryEventStore();
    const second = createInMemoryEventStore();
    await generateHistory({ store: first, seed: 1, steps: 50 });
    await generateHistory({ store: second, seed: 2, steps: 50 });
    const a = (await collect(first.readAll())).map((event) => event.type);
    const b = (await collect(second.readAll())).map((event) => event.type);
    expect(b).not.toEqual(a);
  });
});
