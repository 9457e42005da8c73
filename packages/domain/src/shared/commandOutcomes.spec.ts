import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createInMemoryCheckpointStore,
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  NO_STREAM,
  withPersonalDataEncryption,
  wrongExpectedRevision,
} from '@clientele/eventstore';
import {
  createCampaignService,
  createCommissionService,
  createCustomerExportService,
  createCustomerService,
  createInvoiceService,
  createLeadConversionReactor,
  createLeadService,
  createOpportunityService,
  createPrivacyService,
  createSalesOrganizationService,
  createTargetService,
  createTicketService,
  locateDomainPersonalData,
} from '../index.js';

let n = 0;
const context = () => ({
  commandId: `0193a000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`,
  actor: { id: 'ada', role: 'administrator' },
  occurredAt: '2026-03-02T10:00:00Z',
});
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** What JSON.stringify writes reads back as the same value: no bigint, Map, class or cycle. */
const expectPlainData = (value: unknown) => {
  const text = JSON.stringify(value);
  expect(JSON.parse(text)).toEqual(value);
};

/** Answers of every entry point, accepted and refused, as an app would log or send them. */
const answersOfEveryEntryPoint = async (): Promise<Record<string, unknown>> => {
  const keys = createInMemoryDataKeyStore();
  const store = withPersonalDataEncryption(createInMemoryEventStore(), {
    keys,
    locate: locateDomainPersonalData,
  });
  const customers = createCustomerService(store, {
    authorize: permitEveryoneInTests(),
    tenantId: 't',
    tenantKey: 'k',
  });
  const leads = createLeadService(store, { authorize: permitEveryoneInTests() });
  const opportunities = createOpportunityService(store, { authorize: permitEveryoneInTests() });
  const invoices = createInvoiceService(store, { authorize: permitEveryoneInTests() });
  const conversion = createLeadConversionReactor({
    store,
    checkpoints: createInMemoryCheckpointStore(),
    customers,
    opportunities,
    defaultCurrency: 'EUR',
  });
  const privacy = createPrivacyService(store, {
    authorize: permitEveryoneInTests(),
    keys,
    customers,
    leads,
    invoices,
  });
  const registration = {
    kind: 'RegisterCustomer' as const,
    customerId: 'c-1',
    subjectId: 'p-1',
    customerKind: 'person' as const,
    name: 'Grace',
    emails: ['grace@example.org'],
  };
  const lead = { kind: 'CaptureLead' as const, leadId: 'l-1', source: 'web' };
  await leads.send(lead, context());
  await leads.send({ kind: 'QualifyLead', leadId: 'l-1', score: 80 }, context());
  const converted = await leads.send(
    { kind: 'ConvertLead', leadId: 'l-1', opportunity: { name: 'Seats' } },
    context(),
  );
  return {
    registered: await customers.send(registration, context()),
    duplicate: await customers.send({ ...registration, customerId: 'c-2' }, context()),
    invalid: await customers.handle({ kind: 'RegisterCustomer' }, context()),
    transferred: await customers.transferAll(['c-1'], 'nobody', 'rep-2', context()),
    converted,
    conversion: E.isRight(converted) ? await conversion.conversionOf(converted.right) : converted,
    opened: await opportunities.send(
      {
        kind: 'OpenOpportunity',
        opportunityId: 'o-1',
        name: 'Deal',
        ownerId: 'rep-1',
        amount: eur(100),
        expectedCloseOn: '2026-05-01',
      },
      context(),
    ),
    invoiced: await invoices.send(
      {
        kind: 'IssueInvoice',
        invoiceId: 'i-1',
        customerId: 'c-1',
        currency: 'EUR',
        issuedOn: '2026-03-02',
        dueOn: '2026-04-01',
        lines: [{ description: 'Seats', quantity: 2, unitPrice: eur(1_000) }],
      },
      context(),
    ),
    ticket: await createTicketService(store, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'OpenTicket',
        ticketId: 't-1',
        customerId: 'c-1',
        channel: 'email',
        category: 'billing',
        priority: 'normal',
      },
      context(),
    ),
    campaign: await createCampaignService(store, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'PlanCampaign',
        campaignId: 'k-1',
        name: 'Spring fair',
        channel: 'exhibition',
        targetAudience: 'CFOs',
        budget: eur(200_000),
        startsOn: '2026-04-01',
        endsOn: '2026-04-30',
      },
      context(),
    ),
    target: await createTargetService(store, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'DeclareTarget',
        targetId: 'g-1',
        ownerKind: 'team',
        ownerId: 'team-1',
        period: '2026-Q2',
        amount: eur(5_000_000),
      },
      context(),
    ),
    commission: await createCommissionService(store, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'AssignCommissionPlan',
        repId: 'rep-1',
        period: '2026-Q2',
        plan: {
          planId: 'p',
          base: 'collected',
          currency: 'EUR',
          rate: { kind: 'flat', rateBps: 500 },
        },
        target: eur(5_000_000),
      },
      context(),
    ),
    office: await createSalesOrganizationService(store, {
      authorize: permitEveryoneInTests(),
    }).send(
      {
        kind: 'OpenRegionalOffice',
        organizationId: 'org',
        officeId: 'o',
        name: 'Berlin',
        region: 'EMEA',
      },
      context(),
    ),
    exported: await createCustomerExportService(store, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'ExportCustomers',
        exportId: 'x-1',
        format: 'csv',
        scope: 'any',
        customers: [{ customerId: 'c-1', ownerId: null }],
        contentSha256: 'a'.repeat(64),
      },
      context(),
    ),
    access: await privacy.exportPersonalData('p-1', context()),
    rectified: await privacy.rectifyPerson('p-1', { email: 'grace@new.example' }, context()),
    forgotten: await privacy.forgetPerson('p-1', context()),
  };
};

describe('command outcomes', () => {
  it('are plain data that JSON.stringify writes and JSON.parse reads back, at every entry point', async () => {
    const answers = await answersOfEveryEntryPoint();
    for (const [name, answer] of Object.entries(answers)) {
      expect.soft(answer, name).toBeDefined();
      expectPlainData(answer);
    }
    // Accepted commands: the append's position and revisions are strings.
    expect(answers['opened']).toMatchObject(
      E.right({
        appended: { firstRevision: '0', nextExpectedRevision: '0', position: expect.any(String) },
      }),
    );
    // Refusals are values too: a duplicate, a field that does not decode, a missing customer.
    expect(answers['duplicate']).toMatchObject(E.left({ kind: 'DuplicateCustomer' }));
    expect(answers['invalid']).toMatchObject(E.left({ kind: 'InvalidCommand' }));
    expect(answers['transferred']).toMatchObject([
      { customerId: 'c-1', result: E.left({ kind: 'OwnerChanged' }) },
    ]);
    expect(answers['conversion']).toMatchObject({
      customerRegistered: true,
      opportunityId: expect.any(String),
    });
  });

  it('carry a concurrency conflict as plain data, its revisions as strings', async () => {
    const store = createInMemoryEventStore();
    // A store where another writer always got there first: the stream is at revision 4.
    const racing = {
      ...store,
      appendToStream: async (stream: string) =>
        E.left(wrongExpectedRevision(stream, NO_STREAM, 4n)),
    };
    const tickets = createTicketService(racing, { authorize: permitEveryoneInTests() });
    const failed = await tickets.send(
      {
        kind: 'OpenTicket',
        ticketId: 't-1',
        customerId: 'c-1',
        channel: 'email',
        category: 'billing',
        priority: 'normal',
      },
      context(),
    );
    expectPlainData(failed);
    expect(failed).toMatchObject(
      E.left({ kind: 'Conflict', conflict: { expected: 'no_stream', actual: '4' } }),
    );
  });
});
