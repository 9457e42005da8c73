import fc from 'fast-check';
import { generateSalesHistory } from '@clientele/domain/history';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { trainConversionModel } from './conversion/conversionModel.js';
import { forecastBookings } from './forecast/bookingsForecast.js';
import { daysFrom, firstDay, lastDay, shiftDay } from './history/datedEvents.js';
import { datedDealEvents, dealsAsOf } from './history/dealHistory.js';
import { datedLeadEvents, leadsAsOf } from './history/leadHistory.js';
import { trainWinModel } from './win/winModel.js';

// Generating a history is the slow part: one per seed, shared by the properties.
const histories = new Map<number, RecordedEvent[]>();
const historyOf = async (seed: number): Promise<RecordedEvent[]> => {
  const cached = histories.get(seed);
  if (cached !== undefined) return cached;
  const store = createInMemoryEventStore();
  await generateSalesHistory(store, seed, 600);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  histories.set(seed, events);
  return events;
};

/** Everything the models say as of a day: win scores with explanations, conversion scores, forecast. */
const modelOutputs = (events: readonly RecordedEvent[], day: string) => {
  const deals = datedDealEvents(events);
  const leads = datedLeadEvents(events);
  const win = trainWinModel(deals, day);
  const conversion = trainConversionModel(leads, day);
  const openDeals = [...dealsAsOf(deals, day).values()].filter((deal) => deal.outcome === 'open');
  const openLeads = [...leadsAsOf(leads, day).values()].filter((lead) => lead.outcome === 'open');
  return {
    deals: Object.fromEntries(
      openDeals.map((deal) => [
        deal.opportunityId,
        { score: win.score({ deal, day }), why: win.explain({ deal, day }) },
      ]),
    ),
    leads: Object.fromEntries(openLeads.map((lead) => [lead.leadId, conversion.score(lead)])),
    forecast: forecastBookings(
      deals,
      { previousFrom: shiftDay(day, -30), from: day, to: shiftDay(day, 30) },
      'EUR',
    ),
  };
};

/** The outputs of each seed's history in log order, computed once for the rebuild property. */
const outputsBefore = new Map<number, ReturnType<typeof modelOutputs>>();

/** A day between the history's first and last, at the given fraction of the way. */
const dayAt = (events: readonly RecordedEvent[], fraction: number): string => {
  const deals = datedDealEvents(events);
  const first = firstDay(deals) ?? '2026-01-01';
  const span = daysFrom(first, lastDay(deals) ?? first);
  return shiftDay(first, Math.round(span * fraction));
};

/** The events with the streams' interleaving shuffled, each stream keeping its own order. */
const reinterleave = (
  events: readonly RecordedEvent[],
  picks: readonly number[],
): RecordedEvent[] => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events)
    streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
  const queues = [...streams.values()];
  const merged: RecordedEvent[] = [];
  let i = 0;
  while (queues.length > 0) {
    const index = (picks[i % Math.max(1, picks.length)] ?? 0) % queues.length;
    i += 1;
    const queue = queues[index]!;
    merged.push(queue.shift()!);
    if (queue.length === 0) queues.splice(index, 1);
  }
  return merged;
};

describe('analytics over generated histories', () => {
  it('scores as of a day use no event that happened after it: the log cut at that day gives the same scores, explanations and forecast', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        async (seed, fraction) => {
          const events = await historyOf(seed);
          const day = dayAt(events, fraction);
          const known = events.filter((event) => event.metadata.occurredAt.slice(0, 10) <= day);
          expect(known.length).toBeLessThan(events.length);
          expect(modelOutputs(events, day)).toEqual(modelOutputs(known, day));
        },
      ),
      { numRuns: 3 },
    );
  });

  it('scores are the same after a rebuild, whatever order the streams are interleaved in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 50 }),
        async (seed, picks) => {
          const events = await historyOf(seed);
          const day = dayAt(events, 0.7);
          const before = outputsBefore.get(seed) ?? modelOutputs(events, day);
          outputsBefore.set(seed, before);
          expect(Object.keys(before.deals).length).toBeGreaterThan(0);
          expect(modelOutputs(reinterleave(events, picks), day)).toEqual(before);
        },
      ),
      { numRuns: 3 },
    );
  });
});
