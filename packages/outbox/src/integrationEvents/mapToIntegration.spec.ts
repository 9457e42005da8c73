import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@clientele/eventstore';
import { position } from '@clientele/eventstore';
import { integrationEvents } from './events.js';
import { toIntegrationMessage } from './mapToIntegration.js';

const recorded = (type: string, data: unknown, streamName: string): RecordedEvent => ({
  type,
  data,
  eventId: '0193a000-0000-7000-8000-0000000000aa',
  streamName,
  streamRevision: 3n,
  position: position(9n),
  recordedAt: '2026-03-01T10:00:01.000Z',
  metadata: {
    occurredAt: '2026-03-01T10:00:00.000Z',
    actor: { id: 'rep-1', role: 'sales_rep' },
    correlationId: 'corr-1',
    causationId: null,
    commandId: 'cmd-1',
    schemaVersion: 1,
  },
});

const registered = recorded(
  'CustomerRegistered',
  {
    customerId: 'c-1',
    subjectId: 'p-1',
    kind: 'person',
    name: 'Ada Lovelace',
    emails: ['ada@example.org'],
    phones: [],
    tags: [],
    contacts: [],
    region: 'EMEA',
    ownerId: 'rep-1',
  },
  'Customer-c-1',
);

describe('integration events from domain events', () => {
  it('publishes a registration with ids and business facts only, never a name, email or phone', () => {
    const message = toIntegrationMessage(registered);
    expect(message?.data).toEqual({
      customerId: 'c-1',
      customerKind: 'person',
      region: 'EMEA',
      ownerId: 'rep-1',
    });
    expect(JSON.stringify(message)).not.toMatch(/Ada|example\.org/);
  });

  it('gives the same message id on every mapping of the same event, so consumers deduplicate', () => {
    const first = toIntegrationMessage(registered);
    const again = toIntegrationMessage({ ...registered, position: position(90n) });
    expect(again?.messageId).toBe(first?.messageId);
    expect(first).toMatchObject({
      type: 'CustomerRegistered',
      version: 1,
      streamName: 'Customer-c-1',
      sequence: '3',
      correlationId: 'corr-1',
      causationId: registered.eventId,
    });
  });

  it('publishes only what its contract names: other domain events map to nothing', () => {
    expect(
      toIntegrationMessage(recorded('TicketClosed', { ticketId: 't-1' }, 'Ticket-t-1')),
    ).toBeUndefined();
  });

  it('refuses a published event that does not decode instead of skipping it', () => {
    expect(() =>
      toIntegrationMessage(recorded('OpportunityWon', { opportunityId: 'o-1' }, 'Opportunity-o-1')),
    ).toThrow(/OpportunityWon .* at Opportunity-o-1@3 does not decode/);
  });

  it('produces data every published contract accepts', () => {
    const message = toIntegrationMessage(registered);
    const contract = integrationEvents.find((event) => event.type === message?.type);
    const codec: { decode: (u: unknown) => E.Either<unknown, unknown> } = contract!.codec;
    expect(E.isRight(codec.decode(message?.data))).toBe(true);
  });
});
