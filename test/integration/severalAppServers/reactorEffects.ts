import { expect } from 'vitest';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { deriveId } from '@clientele/eventstore';

/** The whole log, in order. */
export const readLog = async (store: EventStore): Promise<RecordedEvent[]> => {
  const log: RecordedEvent[] = [];
  for await (const event of store.readAll()) log.push(event);
  return log;
};

const countBy = (events: readonly RecordedEvent[], key: (e: RecordedEvent) => string) => {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1);
  return counts;
};

const data = (event: RecordedEvent) => event.data as Record<string, string>;

/** What the reactors wrote for the causes in a log, counted per cause. */
const effectsOf = (log: readonly RecordedEvent[]) => {
  const ofType = (type: string) => log.filter((event) => event.type === type);
  const bases = ofType('CommissionBaseRecorded');
  return {
    conversions: ofType('LeadConverted'),
    wins: ofType('OpportunityWon'),
    openedTickets: ofType('TicketOpened'),
    customers: countBy(ofType('CustomerRegistered'), (e) => data(e).customerId ?? ''),
    dealsOfLeads: countBy(
      ofType('OpportunityOpened').filter((e) => data(e).leadId !== undefined),
      (e) => data(e).leadId ?? '',
    ),
    bases,
    bookedBases: countBy(
      bases.filter((e) => data(e).base === 'booked'),
      (e) => data(e).causeEventId ?? '',
    ),
    escalations: countBy(ofType('TicketEscalated'), (e) => `${data(e).ticketId}/${data(e).reason}`),
    escalatedTickets: new Set(ofType('TicketEscalated').map((e) => data(e).ticketId)),
  };
};

/**
 * How many reactions the log still lacks: a converted lead without its customer or its deal, a
 * won deal without its booked commission base, an opened ticket (all breach their SLA at once)
 * never escalated. While one is missing a reactor is bound to append, however quiet the log
 * has been: an escalation round on a loaded machine can take longer than any fixed wait.
 */
export const missingEffects = (log: readonly RecordedEvent[]): number => {
  const effects = effectsOf(log);
  let missing = 0;
  for (const conversion of effects.conversions) {
    if (!effects.customers.has(deriveId(conversion.eventId, 'customer'))) missing += 1;
    if (!effects.dealsOfLeads.has(data(conversion).leadId ?? '')) missing += 1;
  }
  for (const win of effects.wins) if (!effects.bookedBases.has(win.eventId)) missing += 1;
  for (const opened of effects.openedTickets) {
    if (!effects.escalatedTickets.has(data(opened).ticketId)) missing += 1;
  }
  return missing;
};

/** One customer and one opportunity per converted lead, one commission base per cause, one escalation per breach. */
export const expectEffectsOnce = (log: readonly RecordedEvent[]): void => {
  const effects = effectsOf(log);
  expect(effects.conversions.length).toBeGreaterThan(0);
  for (const conversion of effects.conversions) {
    expect(effects.customers.get(deriveId(conversion.eventId, 'customer'))).toBe(1);
    expect(effects.dealsOfLeads.get(data(conversion).leadId ?? '')).toBe(1);
  }
  expect(effects.customers.size).toBe(effects.conversions.length);
  expect(
    [...countBy(effects.bases, (e) => data(e).causeEventId ?? '').values()].every((n) => n === 1),
  ).toBe(true);
  expect([...effects.bookedBases.values()].reduce((sum, n) => sum + n, 0)).toBe(
    effects.wins.length,
  );
  expect([...effects.escalations.values()].every((n) => n === 1)).toBe(true);
  expect(effects.escalatedTickets.size).toBe(effects.openedTickets.length);
};
