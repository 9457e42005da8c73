import * as t from 'io-ts';

const Money = t.type({ amountMinor: t.number, currency: t.string }, 'Money');
const optional = <P extends t.Props>(props: P) => t.partial(props);

/**
 * A customer was registered: ids and the facts other systems segment by. No name, email or
 * phone: those are personal data and stay in the encrypted log.
 */
export const CustomerRegisteredV1 = t.intersection(
  [
    t.type({ customerId: t.string, customerKind: t.string }),
    optional({ industry: t.string, region: t.string, source: t.string, ownerId: t.string }),
  ],
  'CustomerRegistered.v1',
);
/** A deal was won: its amount, day and owner. */
export const DealWonV1 = t.type(
  { opportunityId: t.string, amount: Money, wonOn: t.string, ownerId: t.string },
  'DealWon.v1',
);
/** An invoice was issued to a customer: its total and due day (no billing contact). */
export const InvoiceIssuedV1 = t.type(
  {
    invoiceId: t.string,
    customerId: t.string,
    opportunityId: t.union([t.string, t.null]),
    total: Money,
    issuedOn: t.string,
    dueOn: t.string,
  },
  'InvoiceIssued.v1',
);
/** Money was received against an invoice. */
export const PaymentReceivedV1 = t.type(
  {
    invoiceId: t.string,
    paymentId: t.string,
    customerId: t.string,
    amount: Money,
    receivedOn: t.string,
  },
  'PaymentReceived.v1',
);
/** A support ticket was resolved, with its resolution code (never the conversation). */
export const TicketResolvedV1 = t.type(
  { ticketId: t.string, resolution: t.string },
  'TicketResolved.v1',
);

/**
 * The published contract: each integration event's name, version and data codec. Integration
 * events change only by a new version published beside the old one; domain events may change
 * with the code, behind upcasters, and are never published.
 */
export const integrationEvents = [
  { type: 'CustomerRegistered', version: 1, codec: CustomerRegisteredV1 },
  { type: 'DealWon', version: 1, codec: DealWonV1 },
  { type: 'InvoiceIssued', version: 1, codec: InvoiceIssuedV1 },
  { type: 'PaymentReceived', version: 1, codec: PaymentReceivedV1 },
  { type: 'TicketResolved', version: 1, codec: TicketResolvedV1 },
] as const;
