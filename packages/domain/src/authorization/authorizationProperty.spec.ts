import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext, EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createCustomerService } from '../customer/customerService.js';
import { createInvoiceService } from '../invoice/invoiceService.js';
import { createLeadService } from '../lead/leadService.js';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import { createTicketService } from '../ticket/ticketService.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import { builtInRoles, defaultRolePolicy } from './roles.js';
import { salesAuthorizers } from './salesAuthorizers.js';
import { serviceAndFinanceAuthorizers } from './serviceAndFinanceAuthorizers.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => (managerId === 'mgr-east' ? new Set(['rep-ada']) : new Set()),
};
const authorizers = salesAuthorizers(defaultRolePolicy, teams);
const backOffice = serviceAndFinanceAuthorizers(defaultRolePolicy, teams);

/** What the test needs of any entry point's answer. */
type Outcome = E.Either<{ readonly kind: string }, unknown>;
type Handle = (input: unknown, context: CommandContext) => Promise<Outcome>;
const admin: Actor = { id: 'admin', role: 'administrator' };

let sequence = 0;
const context = (actor: Actor): CommandContext => ({
  commandId: `0194a000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});

/**
 * A customer, a lead and a deal owned by rep-ada, a ticket and an invoice (owned by nobody), set
 * up by an administrator.
 */
const seeded = async () => {
  const store = createInMemoryEventStore();
  const customers = createCustomerService(store, {
    tenantId: 't',
    tenantKey: 'k',
    authorize: authorizers.customer,
  });
  const leads = createLeadService(store, { authorize: authorizers.lead });
  const deals = createOpportunityService(store, { authorize: authorizers.opportunity });
  const tickets = createTicketService(store, { authorize: backOffice.ticket });
  const invoices = createInvoiceService(store, { authorize: backOffice.invoice });
  const steps: (() => Promise<Outcome>)[] = [
    () =>
      customers.handle(
        {
          kind: 'RegisterCustomer',
          customerId: 'c1',
          customerKind: 'company',
          name: 'Acme',
          ownerId: 'rep-ada',
          contacts: [{ subjectId: 'p1', name: 'Ada' }],
        },
        context(admin),
      ),
    () =>
      tickets.handle(
        {
          kind: 'OpenTicket',
          ticketId: 't1',
          customerId: 'c1',
          channel: 'web',
          category: 'Billing',
          priority: 'normal',
        },
        context(admin),
      ),
    () =>
      invoices.handle(
        {
          kind: 'IssueInvoice',
          invoiceId: 'i1',
          customerId: 'c1',
          currency: 'EUR',
          issuedOn: '2026-03-01',
          dueOn: '2026-03-31',
          total: { amountMinor: 50_000, currency: 'EUR' },
        },
        context(admin),
      ),
    () => leads.handle({ kind: 'CaptureLead', leadId: 'l1', source: 'web form' }, context(admin)),
    () => leads.handle({ kind: 'AssignLead', leadId: 'l1', ownerId: 'rep-ada' }, context(admin)),
    () =>
      deals.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId: 'o1',
          name: 'Renewal',
          ownerId: 'rep-ada',
          amount: { amountMinor: 100_000, currency: 'EUR' },
          expectedCloseOn: '2026-06-30',
        },
        context(admin),
      ),
  ];
  for (const step of steps) {
    const outcome = await step();
    if (E.isLeft(outcome)) throw new Error(`seeding failed: ${JSON.stringify(outcome.left)}`);
  }
  return {
    store,
    handlers: {
      Customer: customers.handle,
      Lead: leads.handle,
      Opportunity: deals.handle,
      Ticket: tickets.handle,
      Invoice: invoices.handle,
    },
  };
};

const count = async (store: EventStore) => {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
};

const commands = fc.constantFrom<{
  readonly aggregate: 'Customer' | 'Lead' | 'Opportunity' | 'Ticket' | 'Invoice';
  readonly input: Readonly<Record<string, unknown>> & { readonly kind: string };
}>(
  { aggregate: 'Customer', input: { kind: 'TagCustomer', customerId: 'c1', add: ['vip'] } },
  {
    aggregate: 'Customer',
    input: { kind: 'AssignCustomerOwner', customerId: 'c1', ownerId: 'rep-bob' },
  },
  {
    aggregate: 'Customer',
    input: { kind: 'CorrectCustomerContact', customerId: 'c1', subjectId: 'p1', name: 'Ada L.' },
  },
  { aggregate: 'Ticket', input: { kind: 'AssignTicket', ticketId: 't1', assigneeId: 'agent-1' } },
  {
    aggregate: 'Invoice',
    input: {
      kind: 'RecordPayment',
      invoiceId: 'i1',
      paymentId: 'pay-1',
      amount: { amountMinor: 10_000, currency: 'EUR' },
      receivedOn: '2026-03-05',
    },
  },
  {
    aggregate: 'Lead',
    input: {
      kind: 'LogContactAttempt',
      leadId: 'l1',
      attemptId: 'a1',
      channel: 'call',
      at: '2026-03-03T09:00:00Z',
    },
  },
  {
    aggregate: 'Lead',
    input: {
      kind: 'ScheduleFollowUp',
      leadId: 'l1',
      taskId: 't1',
      dueOn: '2026-03-10',
      priority: 'normal',
    },
  },
  { aggregate: 'Lead', input: { kind: 'AssignLead', leadId: 'l1', ownerId: 'rep-bob' } },
  {
    aggregate: 'Lead',
    input: { kind: 'CorrectLeadContact', leadId: 'l1', email: 'ada@example.com' },
  },
  {
    aggregate: 'Opportunity',
    input: {
      kind: 'ChangeOpportunityAmount',
      opportunityId: 'o1',
      amount: { amountMinor: 120_000, currency: 'EUR' },
    },
  },
  {
    aggregate: 'Opportunity',
    input: { kind: 'RecordCompetitor', opportunityId: 'o1', competitor: 'Globex' },
  },
);
const actors = fc.record({
  id: fc.constantFrom('rep-ada', 'rep-bob', 'mgr-east', 'mgr-west', 'someone'),
  role: fc.constantFrom(...builtInRoles),
});

describe('authorization through the entry points', () => {
  it('never lets a command without permission produce an event, and every denial names the permission', () =>
    fc.assert(
      fc.asyncProperty(actors, commands, async (actor, { aggregate, input }) => {
        const { store, handlers } = await seeded();
        const before = await count(store);
        const handle: Handle = handlers[aggregate];
        // Tickets and invoices belong to no rep: only a grant on any record reaches them.
        const owner = aggregate === 'Ticket' || aggregate === 'Invoice' ? null : 'rep-ada';
        const result = await handle(input, context(actor));
        const permission = `${aggregate}.${input.kind}`;
        const allowed = E.isRight(
          authorize({ policy: defaultRolePolicy, teams }, actor, permission, owner),
        );
        if (!allowed) {
          expect(result).toEqual(
            E.left(
              expect.objectContaining({
                kind: 'Forbidden',
                denial: expect.objectContaining({ permission, actorId: actor.id }),
              }),
            ),
          );
          expect(await count(store)).toBe(before);
        } else {
          if (E.isLeft(result))
            throw new Error(
              `${permission} by ${actor.role} refused: ${JSON.stringify(result.left)}`,
            );
        }
      }),
      { numRuns: 200 },
    ));
});
