import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { lead, opened } from '../../testing/salesEvents.js';
import { customerStateAsOf, customerTimeline } from './customerTimeline.js';
import { saleCommissionsProjection } from './saleCommissionsProjection.js';
import { timelineProjection } from './timelineProjection.js';
import { customersProjection } from '../customers/customersProjection.js';
import { dealsProjection } from '../deals/dealsProjection.js';
import { leadsProjection } from '../leads/leadsProjection.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';
import { customerRegistered } from '../../testing/customerEvents.js';

const registered = (customerId: string, at: string, leadId?: string) =>
  customerRegistered(customerId, at, leadId === undefined ? {} : { leadId });
const classified = (customerId: string, segment: string, at: string): HistoryEntry => ({
  stream: `Customer-${customerId}`,
  type: 'CustomerClassified',
  data: { customerId, segment, previousSegment: null },
  at,
  actor: 'analyst-1',
});
const ticket = (ticketId: string, customerId: string, at: string): HistoryEntry => ({
  stream: `Ticket-${ticketId}`,
  type: 'TicketOpened',
  data: {
    ticketId,
    customerId,
    subjectId: 's',
    channel: 'email',
    category: 'billing',
    priority: 'normal',
  },
  at,
  actor: 'agent-1',
});
const merged = (customerId: string, survivorId: string, at: string): HistoryEntry => ({
  stream: `Customer-${customerId}`,
  type: 'CustomerMerged',
  data: { customerId, survivorId },
  at,
});

const commissionBase = (opportunityId: string, at: string): HistoryEntry => ({
  stream: 'Commission-rep-1',
  type: 'CommissionBaseRecorded',
  data: {
    repId: 'rep-1',
    causeEventId: 'e',
    base: 'booked',
    amount: { amountMinor: 100, currency: 'EUR' },
    countsOn: at,
    opportunityId,
  },
  at,
  actor: 'commission-process',
});

// Each append is recorded one day after the previous, from 1 March; business times are given.
let day = 0;
const events = createInMemoryEventStore({ now: () => new Date(Date.UTC(2026, 2, 1 + day++)) });
const readModels = createInMemoryReadModelStore();

beforeAll(async () => {
  await appendHistory(events, [
    lead('L1', 'web', '2026-01-05'), // recorded 03-01
    registered('C1', '2026-01-10', 'L1'), // recorded 03-02
    opened('O1', '2026-01-11', { customerId: 'C1' }), // 03-03
    opened('O2', '2026-01-12', { customerId: 'C2' }), // 03-04: another customer
    ticket('T1', 'C1', '2026-01-13'), // 03-05
    classified('C1', 'enterprise', '2026-01-02'), // 03-06: back-dated entry
    registered('C3', '2026-01-14'), // 03-07
    merged('C3', 'C1', '2026-01-15'), // 03-08
    commissionBase('O1', '2026-01-16'), // 03-09: names C1's opportunity
    commissionBase('O2', '2026-01-17'), // 03-10: names another customer's
  ]);
  await createProjectionRunner({
    events,
    readModels,
    projections: [
      timelineProjection,
      saleCommissionsProjection,
      customersProjection,
      leadsProjection,
      dealsProjection,
    ],
  }).catchUp();
});

describe('customer timeline', () => {
  it('lists every event that touched the customer across its streams, in log order, with actor and time', async () => {
    const { entries: timeline } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C1'),
    );
    expect(timeline.map((e) => [e.streamName, e.type, e.actor.id])).toEqual([
      ['Lead-L1', 'LeadCaptured', 'rep-1'],
      ['Customer-C1', 'CustomerRegistered', 'rep-1'],
      ['Opportunity-O1', 'OpportunityOpened', 'rep-1'],
      ['Ticket-T1', 'TicketOpened', 'agent-1'],
      ['Customer-C1', 'CustomerClassified', 'analyst-1'],
      ['Customer-C3', 'CustomerRegistered', 'rep-1'],
      ['Customer-C3', 'CustomerMerged', 'rep-1'],
      ['Commission-rep-1', 'CommissionBaseRecorded', 'commission-process'],
    ]);
    expect(timeline[3]?.occurredAt).toBe('2026-01-13T09:00:00.000Z');
    expect(timeline[3]?.recordedAt).toBe('2026-03-05T00:00:00.000Z');
  });

  it('offers the history as known at a moment and as effective at a moment', async () => {
    const { entries: known } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C1', {
        knownAt: '2026-03-05T12:00:00Z',
      }),
    );
    expect(known.map((e) => e.type)).not.toContain('CustomerClassified');
    const { entries: effective } = await allowed(
      customerTimeline({ readModels, events }, administratorAccess, 'C1', {
        effectiveAt: '2026-01-10T12:00:00Z',
      }),
    );
    expect(effective.map((e) => e.type)).toEqual([
      'LeadCaptured',
      'CustomerRegistered',
      'CustomerClassified',
    ]);
  });

  it("gives the customer's state as of a moment in both meanings", async () => {
    const knownEarly = await allowed(
      customerStateAsOf({ readModels, events }, administratorAccess, 'C1', {
        knownAt: '2026-03-05T12:00:00Z',
      }),
    );
    const effectiveEarly = await allowed(
      customerStateAsOf({ readModels, events }, administratorAccess, 'C1', {
        effectiveAt: '2026-01-10T12:00:00Z',
      }),
    );
    expect(knownEarly.status === 'unregistered' ? null : knownEarly.segment).toBeNull();
    expect(effectiveEarly.status === 'unregistered' ? null : effectiveEarly.segment).toBe(
      'enterprise',
    );
    expect(
      (
        await allowed(
          customerStateAsOf({ readModels, events }, administratorAccess, 'C1', {
            effectiveAt: '2026-01-09T00:00:00Z',
          }),
        )
      ).status,
    ).toBe('unregistered');
  });

  it('is empty for a customer nothing touched', async () => {
    expect(
      await allowed(customerTimeline({ readModels, events }, administratorAccess, 'nobody')),
    ).toEqual({ entries: [], withheld: 0 });
  });
});
