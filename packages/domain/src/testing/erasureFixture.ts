import * as E from 'fp-ts/lib/Either.js';
import type { DataKeyStore, EventStore, SnapshotStore } from '@clientele/eventstore';
import { withHashChain, withPersonalDataEncryption } from '@clientele/eventstore';
import { expect } from 'vitest';
import { defaultRolePolicy } from '../authorization/roles.js';
import { commandAuthorizer, noTeams } from '../authorization/authorize.js';
import { createCustomerService } from '../customer/customerService.js';
import { createInvoiceService } from '../invoice/invoiceService.js';
import { createLeadService } from '../lead/leadService.js';
import { locateDomainPersonalData } from '../privacy/domainPersonalData.js';
import { createPrivacyService } from '../privacy/privacyService.js';
import { createTicketService } from '../ticket/ticketService.js';
import { testContext } from './commandContexts.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

/** One engine's store and key store for the erasure suite, fresh for each test. */
export interface ErasureTarget {
  /** The bare engine: the suite adds the hash chain and the encryption itself. */
  readonly engine: EventStore;
  /** The engine's durable data-key store. */
  readonly keys: DataKeyStore;
  /** Where the customer service keeps snapshots (every event, so they hold the person's data). */
  readonly snapshots: SnapshotStore;
  /** The engine's documented purge steps after a key was destroyed. */
  readonly purge?: () => Promise<void>;
  /**
   * The raw bytes of every file the engine writes (database, WAL, table files). Read before the
   * erasure, where the person's key must be found (else the search could not see it), and after
   * the purge, where it must not.
   */
  readonly rawFiles?: () => Promise<readonly Buffer[]>;
  /** Every read-model document built from the store, as text: none may hold a person's value. */
  readonly readModels?: (store: EventStore) => Promise<string>;
  readonly close: () => Promise<void>;
}

/** Ada's data subject id: the person the suite forgets. */
export const ADA = 'p-ada';
/** Bob's: a colleague at Ada's company, who must stay readable. */
export const BOB = 'p-bob';
/** Values only Ada's data holds, so finding one anywhere after her erasure is a leak. */
export const ADA_VALUES = [
  'Quillfeather',
  'ada.quillfeather@example.org',
  '+4930123456789',
  'Lantern Row',
  'the parcel at the back door',
];
/** The data-protection officer who carries out the requests. */
export const admin = { id: 'dpo-1', role: 'administrator' };
/** A fresh context for a request on `day`, by the officer unless another actor is given. */
export const at = (day: string, actor = admin) => testContext(`${day}T10:00:00.000Z`, actor);

/** The target's engine behind the hash chain and encryption, with the services the suite uses. */
export const opened = (target: ErasureTarget) => {
  const store = withPersonalDataEncryption(withHashChain(target.engine), {
    keys: target.keys,
    locate: locateDomainPersonalData,
  });
  const customers = createCustomerService(store, {
    authorize: permitEveryoneInTests(),
    tenantId: 'tenant-a',
    tenantKey: 'duplicate-check-secret',
    snapshots: { store: target.snapshots, every: 1 },
  });
  const privacy = createPrivacyService(store, {
    engine: target.engine,
    keys: target.keys,
    customers,
    leads: createLeadService(store, { authorize: permitEveryoneInTests() }),
    invoices: createInvoiceService(store, { authorize: permitEveryoneInTests() }),
    snapshots: [target.snapshots],
    authorize: commandAuthorizer('DataSubject', () => null, defaultRolePolicy, noTeams),
  });
  return { store, customers, privacy };
};

/** Ada as a customer, as a contact of another company beside Bob, as a lead, a ticket, a bill. */
export const seedAda = async (
  store: EventStore,
  customers: ReturnType<typeof opened>['customers'],
) => {
  const ok = (result: E.Either<unknown, unknown>) => expect(result).toSatisfy(E.isRight);
  // A fresh context per command: one command id for two commands would be one command.
  const day = () => at('2026-01-05');
  ok(
    await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'c-ada',
        subjectId: ADA,
        customerKind: 'person',
        name: 'Ada Quillfeather',
        emails: ['ada.quillfeather@example.org'],
        phones: ['+4930123456789'],
        address: { street: '12 Lantern Row', city: 'Bremen' },
        region: 'EMEA',
      },
      day(),
    ),
  );
  ok(
    await customers.handle(
      {
        kind: 'RegisterCustomer',
        customerId: 'c-acme',
        customerKind: 'company',
        name: 'Acme Lanterns GmbH',
        region: 'EMEA',
        contacts: [
          { subjectId: ADA, name: 'Ada Quillfeather', email: 'ada.quillfeather@example.org' },
          { subjectId: BOB, name: 'Bob Marrowdale', email: 'bob.marrowdale@example.org' },
        ],
      },
      day(),
    ),
  );
  ok(
    await createLeadService(store, { authorize: permitEveryoneInTests() }).handle(
      {
        kind: 'CaptureLead',
        leadId: 'l-ada',
        subjectId: ADA,
        source: 'web',
        contact: { name: 'Ada Quillfeather', phone: '+4930123456789' },
        interest: 'wants the parcel at the back door',
      },
      day(),
    ),
  );
  ok(
    await createTicketService(store, { authorize: permitEveryoneInTests() }).handle(
      {
        kind: 'OpenTicket',
        ticketId: 't-ada',
        customerId: 'c-ada',
        subjectId: ADA,
        channel: 'email',
        category: 'Delivery',
        priority: 'normal',
        description: 'Delivery to 12 Lantern Row was late',
      },
      day(),
    ),
  );
  ok(
    await createInvoiceService(store, { authorize: permitEveryoneInTests() }).handle(
      {
        kind: 'IssueInvoice',
        invoiceId: 'i-ada',
        customerId: 'c-ada',
        currency: 'EUR',
        issuedOn: '2026-01-10',
        dueOn: '2026-02-09',
        total: { amountMinor: 119_00, currency: 'EUR' },
        billingContact: { subjectId: ADA, name: 'Ada Quillfeather', address: '12 Lantern Row' },
      },
      at('2026-01-10'),
    ),
  );
};

/** Every event's stream and data as read through `store`, as one text to search. */
export const everything = async (store: EventStore): Promise<string> => {
  const events: unknown[] = [];
  for await (const event of store.readAll())
    events.push({ stream: event.streamName, data: event.data });
  return JSON.stringify(events);
};

/** The values that occur in `text`. */
export const found = (text: string, values: readonly string[]) =>
  values.filter((v) => text.includes(v));

/** The needles found in any file, as UTF-8 or (for text) UTF-16LE. */
export const foundInBytes = (files: readonly Buffer[], needles: readonly (string | Buffer)[]) =>
  needles.filter((needle) =>
    files.some(
      (file) =>
        file.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle) ||
        (typeof needle === 'string' && file.includes(Buffer.from(needle, 'utf16le'))),
    ),
  );
