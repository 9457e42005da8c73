import { officeHours } from '@clientele/domain';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { serviceReport } from './serviceReport.js';
import { ticketsProjection } from './ticketsProjection.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';

const ticket = (ticketId: string, type: string, data: object, at: string): HistoryEntry => ({
  stream: `Ticket-${ticketId}`,
  type,
  data: { ticketId, ...data },
  at,
  actor: 'agent-1',
});
const opened = (id: string, priority: string, at: string) =>
  ticket(
    id,
    'TicketOpened',
    { customerId: 'C1', subjectId: 's', channel: 'email', category: 'billing', priority },
    at,
  );
const assigned = (id: string, at: string) =>
  ticket(id, 'TicketAssigned', { assigneeId: 'agent-1', previousAssigneeId: null }, at);
const resolved = (id: string, at: string) =>
  ticket(id, 'TicketResolved', { resolution: 'solved' }, at);
const rated = (id: string, score: number, at: string) =>
  ticket(id, 'TicketSatisfactionRecorded', { subjectId: 's', score }, at);

const readModels = createInMemoryReadModelStore();
beforeAll(async () => {
  const events = createInMemoryEventStore();
  // 2 March 2026 is a Monday; office hours 09:00–18:00 UTC.
  await appendHistory(events, [
    opened('T1', 'normal', '2026-03-02T09:00:00Z'),
    opened('T2', 'urgent', '2026-03-02T09:00:00Z'),
    assigned('T1', '2026-03-02T10:00:00Z'),
    assigned('T2', '2026-03-02T11:00:00Z'),
    resolved('T1', '2026-03-02T15:00:00Z'),
    rated('T1', 5, '2026-03-02T16:00:00Z'),
    opened('T3', 'high', '2026-03-03T09:00:00Z'),
    resolved('T2', '2026-03-03T10:00:00Z'),
    rated('T2', 2, '2026-03-03T11:00:00Z'),
  ]);
  await createProjectionRunner({ events, readModels, projections: [ticketsProjection] }).catchUp();
});

describe('service report', () => {
  const options = { asOf: '2026-03-03T10:30:00Z', calendar: officeHours('UTC') };

  it('counts tickets by status and priority', async () => {
    expect(
      (await allowed(serviceReport(readModels, administratorAccess, options))).tickets,
    ).toEqual([
      { status: 'open', priority: 'high', count: 1 },
      { status: 'resolved', priority: 'normal', count: 1 },
      { status: 'resolved', priority: 'urgent', count: 1 },
    ]);
  });

  it('measures SLA breaches in business time with the ticket domain’s SLA functions', async () => {
    const report = await allowed(serviceReport(readModels, administratorAccess, options));
    // T2 (urgent): answered after 120 min (target 60), resolved after 600 business min (target 540).
    expect(report.firstResponseBreaches).toBe(1);
    expect(report.resolutionBreaches).toBe(1);
    expect(report.breachRate).toEqual({ numerator: 1, denominator: 3, value: 0.3333 });
  });

  it('gives first-response and resolution times and satisfaction as mean and median', async () => {
    const report = await allowed(serviceReport(readModels, administratorAccess, options));
    expect(report.firstResponseMinutes).toEqual({ count: 2, mean: 90, median: 90 });
    expect(report.resolutionMinutes).toEqual({ count: 2, mean: 480, median: 480 });
    expect(report.satisfaction).toEqual({ count: 2, mean: 3.5, median: 3.5 });
  });

  it('counts an open ticket past its target as breached at a later moment', async () => {
    const later = await allowed(
      serviceReport(readModels, administratorAccess, { ...options, asOf: '2026-03-03T12:00:00Z' }),
    );
    expect(later.firstResponseBreaches).toBe(2); // T3 (high): 180 business minutes without an answer
  });
});
