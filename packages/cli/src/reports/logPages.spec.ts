import { LeadEvent } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { datedLeadEvents, eventTypesOf } from '@clientele/projections';
import { appendHistory, salesEvents } from '@clientele/projections/testing';
import { describe, expect, it } from 'vitest';
import { forEachLogPage, mostFrequent, readDatedEvents } from './logPages.js';

/** A log of `leads` captured leads with a deal opened between every two of them. */
const mixedLog = async (leads: number) => {
  const events = createInMemoryEventStore();
  await appendHistory(
    events,
    Array.from({ length: leads }, (_, n) => [
      salesEvents.lead(`L${String(n)}`, 'web', '2026-01-05'),
      ...(n % 2 === 0 ? [salesEvents.opened(`O${String(n)}`, '2026-01-06')] : []),
    ]).flat(),
  );
  return events;
};

describe('reading the log a page at a time for a report', () => {
  it('hands over the events of the given types only, in log order, at most 1,000 at a time', async () => {
    const events = await mixedLog(2_300);
    const pages: RecordedEvent[][] = [];
    await forEachLogPage(events, ['LeadCaptured'], (page) => pages.push([...page]));
    expect(pages.map((page) => page.length)).toEqual([1_000, 1_000, 300]);
    const ids = pages.flat().map((event) => event.streamName);
    expect(ids).toEqual(Array.from({ length: 2_300 }, (_, n) => `Lead-L${String(n)}`));
  });

  it('dates the same events as decoding the whole log at once', async () => {
    const events = await mixedLog(1_200);
    const all: RecordedEvent[] = [];
    for await (const event of events.readAll()) all.push(event);
    expect(await readDatedEvents(events, eventTypesOf(LeadEvent), datedLeadEvents)).toEqual(
      datedLeadEvents(all),
    );
  });

  it('names the key counted most often, the first counted among equals', () => {
    expect(
      mostFrequent(
        new Map([
          ['EUR', 2],
          ['USD', 3],
        ]),
      ),
    ).toBe('USD');
    expect(
      mostFrequent(
        new Map([
          ['GBP', 2],
          ['EUR', 2],
        ]),
      ),
    ).toBe('GBP');
    expect(mostFrequent(new Map())).toBeUndefined();
  });
});
