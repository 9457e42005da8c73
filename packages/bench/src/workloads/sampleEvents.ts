import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '@clientele/eventstore';

/** A payload shaped like a CRM event: ids, money in minor units, a date, a short note. */
export const sampleEventData = (index: number) => ({
  opportunityId: `opp-${index % 1000}`,
  stage: ['prospecting', 'qualification', 'proposal', 'negotiation'][index % 4],
  amount: { amountMinor: 100_000 + index, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  note: 'Customer asked for a revised quote with volume discount',
});

/** A full event to append, with metadata as the command handler writes it. */
export const sampleEvent = (index: number): EventToAppend => ({
  type: 'Sampled',
  data: sampleEventData(index),
  eventId: uuidv7(),
  metadata: {
    occurredAt: '2026-03-03T09:15:00.000Z',
    actor: { id: 'rep-7', role: 'sales_rep' },
    correlationId: 'bench',
    causationId: null,
    commandId: uuidv7(),
    schemaVersion: 1,
  },
});
