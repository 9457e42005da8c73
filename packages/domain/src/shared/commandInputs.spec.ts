import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  type CampaignServiceOptions,
  type CommissionServiceOptions,
  type CustomerExportServiceOptions,
  type CustomerServiceOptions,
  type InvoiceServiceOptions,
  type LeadServiceOptions,
  type OpportunityServiceOptions,
  type PrivacyServiceOptions,
  type SalesOrganizationServiceOptions,
  type TargetServiceOptions,
  type TicketServiceOptions,
  createPrivacyService,
  type CampaignCommandInput,
  type CommissionCommandInput,
  type CustomerCommandInput,
  type CustomerExportCommandInput,
  type InvoiceCommandInput,
  type LeadCommandInput,
  type OpportunityCommandInput,
  type SalesOrganizationCommandInput,
  type TargetCommandInput,
  type TicketCommandInput,
  createCampaignService,
  createCommissionService,
  createCustomerExportService,
  createCustomerService,
  createInvoiceService,
  createLeadService,
  createOpportunityService,
  createSalesOrganizationService,
  createTargetService,
  createTicketService,
} from '../index.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const store = createInMemoryEventStore();
const services = {
  customers: createCustomerService(store, {
    authorize: permitEveryoneInTests(),
    tenantId: 't',
    tenantKey: 'k',
  }),
  leads: createLeadService(store, { authorize: permitEveryoneInTests() }),
  opportunities: createOpportunityService(store, { authorize: permitEveryoneInTests() }),
  invoices: createInvoiceService(store, { authorize: permitEveryoneInTests() }),
  tickets: createTicketService(store, { authorize: permitEveryoneInTests() }),
  campaigns: createCampaignService(store, { authorize: permitEveryoneInTests() }),
  targets: createTargetService(store, { authorize: permitEveryoneInTests() }),
  commissions: createCommissionService(store, { authorize: permitEveryoneInTests() }),
  organization: createSalesOrganizationService(store, { authorize: permitEveryoneInTests() }),
  exports: createCustomerExportService(store, { authorize: permitEveryoneInTests() }),
};
let n = 0;
const context = () => ({
  commandId: `0193a000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`,
  actor: { id: 'ada', role: 'administrator' },
  occurredAt: '2026-03-02T10:00:00Z',
});

describe('service constructors', () => {
  it('all take (store, options), options required, so authorize always has its place', () => {
    type Takes<Options> = [store: EventStore, options: Options];
    expectTypeOf(createCustomerService).parameters.toEqualTypeOf<Takes<CustomerServiceOptions>>();
    expectTypeOf(createLeadService).parameters.toEqualTypeOf<Takes<LeadServiceOptions>>();
    expectTypeOf(createPrivacyService).parameters.toEqualTypeOf<Takes<PrivacyServiceOptions>>();
    expectTypeOf(createOpportunityService).parameters.toEqualTypeOf<
      Takes<OpportunityServiceOptions>
    >();
    expectTypeOf(createInvoiceService).parameters.toEqualTypeOf<Takes<InvoiceServiceOptions>>();
    expectTypeOf(createTicketService).parameters.toEqualTypeOf<Takes<TicketServiceOptions>>();
    expectTypeOf(createCampaignService).parameters.toEqualTypeOf<Takes<CampaignServiceOptions>>();
    expectTypeOf(createTargetService).parameters.toEqualTypeOf<Takes<TargetServiceOptions>>();
    expectTypeOf(createCommissionService).parameters.toEqualTypeOf<
      Takes<CommissionServiceOptions>
    >();
    expectTypeOf(createSalesOrganizationService).parameters.toEqualTypeOf<
      Takes<SalesOrganizationServiceOptions>
    >();
    expectTypeOf(createCustomerExportService).parameters.toEqualTypeOf<
      Takes<CustomerExportServiceOptions>
    >();
  });
});

describe('commands typed at the call site', () => {
  it('take each aggregate’s input type, in plain values, at every entry point', () => {
    expectTypeOf(services.customers.send).parameter(0).toEqualTypeOf<CustomerCommandInput>();
    expectTypeOf(services.leads.send).parameter(0).toEqualTypeOf<LeadCommandInput>();
    expectTypeOf(services.opportunities.send).parameter(0).toEqualTypeOf<OpportunityCommandInput>();
    expectTypeOf(services.invoices.send).parameter(0).toEqualTypeOf<InvoiceCommandInput>();
    expectTypeOf(services.tickets.send).parameter(0).toEqualTypeOf<TicketCommandInput>();
    expectTypeOf(services.campaigns.send).parameter(0).toEqualTypeOf<CampaignCommandInput>();
    expectTypeOf(services.targets.send).parameter(0).toEqualTypeOf<TargetCommandInput>();
    expectTypeOf(services.commissions.send).parameter(0).toEqualTypeOf<CommissionCommandInput>();
    expectTypeOf(services.organization.send)
      .parameter(0)
      .toEqualTypeOf<SalesOrganizationCommandInput>();
    expectTypeOf(services.exports.send).parameter(0).toEqualTypeOf<CustomerExportCommandInput>();
    // Plain strings and numbers where the decoded command holds branded days and currencies.
    expectTypeOf({
      kind: 'RecordPayment' as const,
      invoiceId: 'inv-1',
      paymentId: 'pay-1',
      amount: { amountMinor: 500, currency: 'EUR' },
      receivedOn: '2026-03-02',
    }).toExtend<InvoiceCommandInput>();
    expectTypeOf({
      kind: 'OpenOpportunity' as const,
      opportunityId: 'o-1',
      name: 'Deal',
      ownerId: 'rep-1',
      amount: { amountMinor: 100, currency: 'EUR' },
      expectedCloseOn: '2026-05-01',
    }).toExtend<OpportunityCommandInput>();
  });

  it('runs commands written in plain values, and refuses a misspelled field at compile time', async () => {
    const registered = await services.customers.send(
      {
        kind: 'RegisterCustomer',
        customerId: 'c-1',
        customerKind: 'company',
        name: 'Globex',
        emails: ['info@globex.example'],
        ownerId: 'rep-1',
      },
      context(),
    );
    expect(E.isRight(registered)).toBe(true);
    const issued = await services.invoices.send(
      {
        kind: 'IssueInvoice',
        invoiceId: 'inv-1',
        customerId: 'c-1',
        currency: 'EUR',
        issuedOn: '2026-03-02',
        dueOn: '2026-04-01',
        lines: [
          { description: 'Seats', quantity: 2, unitPrice: { amountMinor: 1_000, currency: 'EUR' } },
        ],
      },
      context(),
    );
    expect(E.isRight(issued)).toBe(true);
    const misspelled = await services.leads.send(
      // @ts-expect-error -- `sourse` is not a field of CaptureLead: the call does not compile
      { kind: 'CaptureLead', leadId: 'l-1', sourse: 'web' },
      context(),
    );
    expect(E.isLeft(misspelled)).toBe(true);
    await services.opportunities.send(
      // @ts-expect-error -- an amount is money, not a bare number
      { kind: 'ChangeOpportunityAmount', opportunityId: 'o-1', amount: 5 },
      context(),
    );
  });

  it('answers an unknown kind with the kinds there are', async () => {
    const unknown = await services.tickets.handle(
      { kind: 'CloseTiket', ticketId: 't-1' },
      context(),
    );
    expect(unknown).toEqual(
      E.left({
        kind: 'InvalidCommand',
        problems: [
          expect.stringMatching(
            /^kind: "CloseTiket" is not a command here; the kinds are OpenTicket, .*CloseTicket/,
          ),
        ],
      }),
    );
  });
});
