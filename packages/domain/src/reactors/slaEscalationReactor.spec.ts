import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { officeHours } from '../sla/businessCalendar.js';
import { standardSlaPolicy } from '../sla/slaPolicy.js';
import { collect } from '../testing/openedStore.js';
import { createTicketService } from '../ticket/ticketService.js';
import { createSlaEscalationReactor } from './slaEscalationReactor.js';

const rome = officeHours('Europe/Rome');
const ticketId = 'ticket-1';
const openedAt = '2026-03-06T17:00:00+01:00';

describe('SLA escalation reactor', () => {
  it('escalates an unanswered ticket once the clock port says the deadline passed, and only once', async () => {
    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });
    let now = '2026-03-09T09:59:00+01:00';
    const escalator = createSlaEscalationReactor({
      store,
      tickets,
      clock: { now: () => now },
      policy: standardSlaPolicy,
      calendar: rome,
      escalateTo: 'service-manager',
    });
    await tickets.handle(
      {
        kind: 'OpenTicket',
        ticketId,
        customerId: 'c',
        channel: 'phone',
        category: 'outage',
        priority: 'high',
      },
      {
        commandId: '0195b2a0-0000-7000-8000-000000000001',
        actor: { id: 'agent-1', role: 'support_agent' },
        occurredAt: openedAt,
      },
    );
    await escalator.runner.catchUp();
    expect(await escalator.escalateDue()).toBe(0);
    now = '2026-03-09T10:01:00+01:00';
    expect(await escalator.escalateDue()).toBe(1);
    expect(await escalator.escalateDue()).toBe(0);
    const events = await collect(store.readStream(`Ticket-${ticketId}`));
    const escalation = events[1];
    expect(escalation).toMatchObject({
      type: 'TicketEscalated',
      data: { ticketId, escalatedTo: 'service-manager', reason: 'sla_breach:first_response' },
      metadata: {
        actor: { id: 'sla-escalation', role: 'system' },
        causationId: events[0]?.eventId,
      },
    });
    expect(events).toHaveLength(2);
    // Restarted (here even configured with another team), it rebuilds what it watches from the
    // log and sends the same command id again, which the handler recognises: nothing is appended.
    const restarted = createSlaEscalationReactor({
      store,
      tickets,
      clock: { now: () => now },
      policy: standardSlaPolicy,
      calendar: rome,
      escalateTo: 'duty-manager',
    });
    expect(await restarted.runner.catchUp()).toBe(2);
    expect(await restarted.escalateDue()).toBe(0);
    expect(await collect(store.readStream(`Ticket-${ticketId}`))).toHaveLength(2);
  });
});

describe('SLA escalation reactor, round after round', () => {
  it('sends no command for a ticket already escalated to its team, since the ticket would decide no event', async () => {
    const store = createInMemoryEventStore();
    const tickets = createTicketService(store, { authorize: permitEveryoneInTests() });
    const sent: string[] = [];
    const counted: typeof tickets = {
      ...tickets,
      handle: (command, context) => {
        sent.push((command as { readonly kind: string }).kind);
        return tickets.handle(command, context);
      },
    };
    const escalator = createSlaEscalationReactor({
      store,
      tickets: counted,
      clock: { now: () => '2026-03-20T10:00:00+01:00' },
      policy: standardSlaPolicy,
      calendar: rome,
      escalateTo: 'service-manager',
    });
    await tickets.handle(
      {
        kind: 'OpenTicket',
        ticketId,
        customerId: 'c',
        channel: 'phone',
        category: 'outage',
        priority: 'high',
      },
      {
        commandId: '0195b2a0-0000-7000-8000-000000000002',
        actor: { id: 'agent-1', role: 'support_agent' },
        occurredAt: openedAt,
      },
    );
    await escalator.runner.catchUp();
    // Both targets are breached: the first escalation is appended, the second decides nothing.
    expect(await escalator.escalateDue()).toBe(1);
    expect(sent).toEqual(['EscalateTicket', 'EscalateTicket']);
    await escalator.runner.catchUp();
    expect(await escalator.escalateDue()).toBe(0);
    expect(sent).toHaveLength(2);
    expect(await collect(store.readStream(`Ticket-${ticketId}`))).toHaveLength(2);
  });
});
