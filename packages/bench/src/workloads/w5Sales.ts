import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_B2B_PIPELINE } from '@clientele/domain';
import type { EventStore, EventToAppend } from '@clientele/eventstore';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9);

const metadata = (minute: number) => {
  const commandId = uuidv7();
  return {
    occurredAt: new Date(START + minute * 60_000).toISOString(),
    actor: { id: `rep-${minute % 40}`, role: 'sales_rep' },
    correlationId: commandId,
    causationId: null,
    commandId,
    schemaVersion: 1,
  };
};

const event = (type: string, data: object, minute: number): EventToAppend => ({
  type,
  data,
  eventId: uuidv7(),
  metadata: metadata(minute),
});

/**
 * One sale of the synthetic CRM log, 13 valid domain events in four streams: a lead captured,
 * contacted, qualified and converted; its opportunity opened, moved, won or lost; the invoice and
 * its payment; a support ticket opened, assigned and resolved.
 */
const sale = (n: number): [string, EventToAppend[]][] => {
  const minute = n * 7;
  const day = new Date(START + n * 0.05 * DAY).toISOString().slice(0, 10);
  const [leadId, opportunityId, invoiceId, ticketId, customerId] = [
    'lead',
    'opp',
    'inv',
    'tkt',
    'cust',
  ].map((prefix) => `${prefix}-${n}`) as [string, string, string, string, string];
  const ownerId = `rep-${n % 40}`;
  const amount = { amountMinor: 10_000 + (n % 997) * 100, currency: n % 5 === 0 ? 'USD' : 'EUR' };
  const won = n % 3 !== 0;
  const sale = { customerId, opportunityId, salesRepId: ownerId };
  const subjectId = `subject-${n}`;
  return [
    [
      `Lead-${leadId}`,
      [
        event(
          'LeadCaptured',
          {
            leadId,
            subjectId,
            source: ['web', 'fair', 'referral'][n % 3],
            contact: {},
            matches: { customerIds: [], leadIds: [] },
            region: 'EU',
          },
          minute,
        ),
        event(
          'LeadContactAttempted',
          {
            leadId,
            subjectId,
            attemptId: `${leadId}-a`,
            channel: 'call',
            at: new Date(START + (minute + 1) * 60_000).toISOString(),
          },
          minute + 1,
        ),
        event('LeadQualified', { leadId, subjectId, score: 60 }, minute + 2),
        event(
          'LeadConverted',
          {
            leadId,
            subjectId,
            ownerId,
            source: 'web',
            contact: {},
            opportunity: { name: leadId },
            customerId,
          },
          minute + 3,
        ),
      ],
    ],
    [
      `Opportunity-${opportunityId}`,
      [
        event(
          'OpportunityOpened',
          {
            opportunityId,
            name: opportunityId,
            ownerId,
            amount,
            expectedCloseOn: day,
            pipeline: DEFAULT_B2B_PIPELINE,
            stageId: 'prospecting',
            probabilityBps: 1_000,
            forecastCategory: 'pipeline',
            leadId,
            customerId,
          },
          minute + 3,
        ),
        event(
          'OpportunityStageChanged',
          {
            opportunityId,
            fromStageId: 'prospecting',
            toStageId: 'proposal',
            probabilityBps: 6_000,
            forecastCategory: 'bestCase',
          },
          minute + 4,
        ),
        won
          ? event(
              'OpportunityWon',
              { opportunityId, stageId: 'closedWon', amount, wonOn: day, ownerId },
              minute + 5,
            )
          : event(
              'OpportunityLost',
              { opportunityId, stageId: 'closedLost', lostOn: day, ownerId },
              minute + 5,
            ),
      ],
    ],
    [
      `Invoice-${invoiceId}`,
      [
        event(
          'InvoiceIssued',
          {
            invoiceId,
            issuedOn: day,
            dueOn: day,
            subtotal: amount,
            tax: { ...amount, amountMinor: 0 },
            total: amount,
            labels: [],
            ...sale,
          },
          minute + 5,
        ),
        event(
          'InvoicePaymentRecorded',
          { invoiceId, paymentId: `${invoiceId}-p`, amount, receivedOn: day, ...sale },
          minute + 6,
        ),
      ],
    ],
    [
      `Ticket-${ticketId}`,
      [
        event(
          'TicketOpened',
          {
            ticketId,
            customerId,
            subjectId,
            channel: 'email',
            category: 'billing',
            priority: 'normal',
          },
          minute + 5,
        ),
        event(
          'TicketAssigned',
          { ticketId, assigneeId: 'agent-1', previousAssigneeId: null },
          minute + 6,
        ),
        event('TicketResolved', { ticketId, resolution: 'solved' }, minute + 7),
      ],
    ],
  ];
};

const appendSales = async (
  store: EventStore,
  count: number,
  saleDone: () => Promise<void>,
): Promise<number> => {
  let written = 0;
  for (let n = 0; written < count; n += 1) {
    for (const [stream, events] of sale(n)) {
      const result = await store.appendToStream(stream, events);
      if (E.isLeft(result)) throw new Error(result.left.message);
      written += events.length;
    }
    await saleDone();
  }
  return written;
};

/**
 * Appends about `count` events as whole sales (outside timing); returns how many were written.
 * On SQLite many sales share a transaction (group commit), so a 10M-event log takes minutes.
 */
export const populateSales = (store: EventStore, count: number): Promise<number> =>
  'groupCommit' in store
    ? (store as SqliteEventStore).groupCommit((saleDone) => appendSales(store, count, saleDone))
    : appendSales(store, count, () => Promise.resolve());
