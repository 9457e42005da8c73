import { describe, expect, it } from 'vitest';
import type { DateOnly } from '../shared/dates.js';
import type { TicketEvent } from '../ticket/events.js';
import type { TimedTicketEvent } from './ticketSla.js';
import { addBusinessMillis, businessMillisBetween, officeHours } from './businessCalendar.js';
import { standardSlaPolicy } from './slaPolicy.js';
import { ticketSla } from './ticketSla.js';
import { formatZoned, zonedInstant } from './zonedTime.js';

const rome = officeHours('Europe/Rome');
const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const ticketId = 'ticket-1';
const timed = (occurredAt: string, event: TicketEvent): TimedTicketEvent => ({
  event,
  occurredAt,
  eventId: `event-${occurredAt}`,
});
const opened = timed('2026-03-06T17:00:00+01:00', {
  type: 'TicketOpened',
  data: {
    ticketId,
    customerId: 'c',
    subjectId: 'c',
    channel: 'phone',
    category: 'outage',
    priority: 'high',
  },
});

describe('business-hours calendar', () => {
  it('counts only working hours: Friday 17:00 to Monday 10:00 in Rome is two hours', () => {
    expect(
      businessMillisBetween(rome, at('2026-03-06T17:00:00+01:00'), at('2026-03-09T10:00:00+01:00')),
    ).toBe(2 * HOUR);
  });

  it('carries a deadline over the weekend and skips holidays', () => {
    const friday = at('2026-03-06T17:30:00+01:00');
    expect(formatZoned(addBusinessMillis(rome, friday, HOUR), 'Europe/Rome')).toBe(
      '2026-03-09T09:30:00+01:00',
    );
    const withHoliday = officeHours('Europe/Rome', ['2026-03-09' as DateOnly]);
    expect(formatZoned(addBusinessMillis(withHoliday, friday, HOUR), 'Europe/Rome')).toBe(
      '2026-03-10T09:30:00+01:00',
    );
  });

  it('keeps a working day at nine hours across a daylight-saving change', () => {
    expect(zonedInstant('2026-03-30' as DateOnly, 9 * 60, 'Europe/Rome')).toBe(
      at('2026-03-30T07:00:00Z'),
    );
    expect(
      businessMillisBetween(rome, at('2026-03-27T00:00:00+01:00'), at('2026-03-31T00:00:00+02:00')),
    ).toBe(18 * HOUR);
  });
});

describe('ticket SLA', () => {
  const history = [
    opened,
    timed('2026-03-09T09:30:00+01:00', {
      type: 'TicketAssigned',
      data: { ticketId, assigneeId: 'agent-1', previousAssigneeId: null },
    }),
    timed('2026-03-09T10:00:00+01:00', {
      type: 'TicketWaitingOnCustomer',
      data: { ticketId, reason: 'logs' },
    }),
    timed('2026-03-11T10:00:00+01:00', { type: 'TicketResumed', data: { ticketId } }),
    timed('2026-03-12T17:00:00+01:00', {
      type: 'TicketResolved',
      data: { ticketId, resolution: 'solved' },
    }),
  ];

  it('meets a 2-hour first response answered after 90 business minutes over a weekend', () => {
    const sla = ticketSla(history, standardSlaPolicy, rome, '2026-03-20T00:00:00+01:00');
    expect(sla?.firstResponse).toMatchObject({
      dueAt: '2026-03-09T10:00:00+01:00',
      metAt: '2026-03-09T09:30:00+01:00',
      breached: false,
      businessMinutes: 90,
    });
  });

  it('pauses resolution while waiting on the customer and finds the 16-hour target breached', () => {
    // Running time: Fri 17-18 (1h) + Mon 9-10 (1h) + Wed 10-18 (8h) + Thu 9-17 (8h) = 18h > 16h;
    // the 16h are used up 6h into Thursday, at 15:00.
    const sla = ticketSla(history, standardSlaPolicy, rome, '2026-03-20T00:00:00+01:00');
    expect(sla?.resolutions).toEqual([
      {
        dueAt: '2026-03-12T15:00:00+01:00',
        metAt: '2026-03-12T17:00:00+01:00',
        breached: true,
        businessMinutes: 18 * 60,
        startedByEventId: opened.eventId,
      },
    ]);
  });

  it('computes a breach at query time only: the same events are not breached earlier', () => {
    const before = ticketSla([opened], standardSlaPolicy, rome, '2026-03-09T09:59:00+01:00');
    const after = ticketSla([opened], standardSlaPolicy, rome, '2026-03-09T10:01:00+01:00');
    expect(before?.firstResponse.breached).toBe(false);
    expect(after?.firstResponse.breached).toBe(true);
  });

  it('has no due time while the clock is paused before the target ran out', () => {
    const sla = ticketSla(
      history.slice(0, 3),
      standardSlaPolicy,
      rome,
      '2026-03-10T12:00:00+01:00',
    );
    expect(sla?.resolutions[0]).toMatchObject({
      dueAt: null,
      breached: false,
      businessMinutes: 120,
    });
  });

  it('starts a new resolution clock when the ticket is reopened', () => {
    const reopened = timed('2026-03-13T09:00:00+01:00', {
      type: 'TicketReopened',
      data: { ticketId, reason: 'again', wasClosed: false },
    });
    const sla = ticketSla(
      [...history, reopened],
      standardSlaPolicy,
      rome,
      '2026-03-13T10:00:00+01:00',
    );
    expect(sla?.resolutions).toHaveLength(2);
    expect(sla?.resolutions[1]).toMatchObject({
      dueAt: '2026-03-16T16:00:00+01:00',
      metAt: null,
      breached: false,
      startedByEventId: reopened.eventId,
    });
  });
});
