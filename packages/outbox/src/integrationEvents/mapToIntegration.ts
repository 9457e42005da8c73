import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '@clientele/eventstore';
import { deriveId, maskEncryptedFields } from '@clientele/eventstore';
import {
  CustomerEvent,
  InvoiceEvent,
  OpportunityEvent,
  TicketEvent,
  decodeStoredEvent,
} from '@clientele/domain';
import type { IntegrationMessage } from './integrationMessage.js';

type Published = readonly [type: string, data: Record<string, unknown>];

const customerFacts = (event: RecordedEvent): Published | undefined => {
  const decoded = decodeStoredEvent(CustomerEvent, event);
  if (E.isLeft(decoded) || decoded.right.type !== 'CustomerRegistered') return undefined;
  const { customerId, kind, industry, region, source, ownerId } = decoded.right.data;
  const optional = { industry, region, source, ownerId };
  return [
    'CustomerRegistered',
    {
      customerId,
      customerKind: kind,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    },
  ];
};

const dealFacts = (event: RecordedEvent): Published | undefined => {
  const decoded = decodeStoredEvent(OpportunityEvent, event);
  if (E.isLeft(decoded) || decoded.right.type !== 'OpportunityWon') return undefined;
  const { opportunityId, amount, wonOn, ownerId } = decoded.right.data;
  return ['DealWon', { opportunityId, amount, wonOn, ownerId }];
};

const invoiceFacts = (event: RecordedEvent): Published | undefined => {
  const decoded = decodeStoredEvent(InvoiceEvent, event);
  if (E.isLeft(decoded)) return undefined;
  const domain = decoded.right;
  if (domain.type === 'InvoiceIssued') {
    const { invoiceId, customerId, opportunityId, total, issuedOn, dueOn } = domain.data;
    return ['InvoiceIssued', { invoiceId, customerId, opportunityId, total, issuedOn, dueOn }];
  }
  if (domain.type === 'InvoicePaymentRecorded') {
    const { invoiceId, paymentId, customerId, amount, receivedOn } = domain.data;
    return ['PaymentReceived', { invoiceId, paymentId, customerId, amount, receivedOn }];
  }
  return undefined;
};

const ticketFacts = (event: RecordedEvent): Published | undefined => {
  const decoded = decodeStoredEvent(TicketEvent, event);
  if (E.isLeft(decoded) || decoded.right.type !== 'TicketResolved') return undefined;
  const { ticketId, resolution } = decoded.right.data;
  return ['TicketResolved', { ticketId, resolution }];
};

const byDomainType: Readonly<Record<string, (event: RecordedEvent) => Published | undefined>> = {
  CustomerRegistered: customerFacts,
  OpportunityWon: dealFacts,
  InvoiceIssued: invoiceFacts,
  InvoicePaymentRecorded: invoiceFacts,
  TicketResolved: ticketFacts,
};

/** The domain event types the outbox publishes something for. */
export const publishedDomainTypes: readonly string[] = Object.keys(byDomainType);

/**
 * The integration message a stored domain event is published as, or undefined when it is not
 * part of the contract. The domain event is read through the upcasters like everywhere else; a
 * published event that does not decode is a corrupt log and throws, never skipped in silence.
 *
 * @example
 * const message = toIntegrationMessage(recorded); // { type: 'DealWon', version: 1, ... }
 */
export const toIntegrationMessage = (stored: RecordedEvent): IntegrationMessage | undefined => {
  // The outbox reads the raw log and needs no key: encrypted personal fields read as erased, and
  // no published event carries one.
  const encrypted = (stored.metadata.subjects?.length ?? 0) > 0;
  const event = encrypted ? { ...stored, data: maskEncryptedFields(stored.data) } : stored;
  const facts = byDomainType[event.type]?.(event);
  if (facts === undefined) {
    if (event.type in byDomainType) {
      throw new TypeError(
        `${event.type} ${event.eventId} at ${event.streamName}@${String(event.streamRevision)} does not decode`,
      );
    }
    return undefined;
  }
  const [type, data] = facts;
  return {
    messageId: deriveId(event.eventId, `integration:${type}:v1`),
    type,
    version: 1,
    occurredAt: event.metadata.occurredAt,
    streamName: event.streamName,
    sequence: event.streamRevision.toString(),
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    data,
  };
};
