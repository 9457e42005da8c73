import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext, EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createAccountTeamService } from '../accountTeam/accountTeamService.js';
import { createActivityService } from '../activity/activityService.js';
import { createAnalyticsModelService } from '../analyticsModel/analyticsModelService.js';
import { createCalendarService } from '../calendar/calendarService.js';
import { createContractService } from '../contract/contractService.js';
import { createExpenseClaimService } from '../expense/expenseClaimService.js';
import { createExpenseBudgetService } from '../expenseBudget/expenseBudgetService.js';
import { createPriceListService } from '../priceList/priceListService.js';
import { createProductService } from '../product/productService.js';
import { createQuoteService } from '../quote/quoteService.js';
import { DEFAULT_DISCOUNT_RULES } from '../quoteAcceptance/productToCashServices.js';
import { createSalesOrderService } from '../salesOrder/salesOrderService.js';
import { createTaskService } from '../task/taskService.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import { commerceAuthorizers } from './commerceAuthorizers.js';
import { engagementAuthorizers } from './engagementAuthorizers.js';
import { pricedSeatLine } from '../testing/quoteFixtures.js';
import { builtInRoles, defaultRolePolicy } from './roles.js';

// The entry points added with activities, the calendar, product-to-cash, expenses, account teams
// and analytics models, sent (actor, command) pairs like the older entry points.

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => (managerId === 'mgr-east' ? new Set(['rep-ada']) : new Set()),
};
const commerce = commerceAuthorizers(defaultRolePolicy, teams);
const engagement = engagementAuthorizers(defaultRolePolicy, teams);

type Handle = (
  input: unknown,
  context: CommandContext,
) => Promise<E.Either<{ readonly kind: string }, unknown>>;

const entryPoints = (store: EventStore): Readonly<Record<string, Handle>> => {
  const products = createProductService(store, { authorize: commerce.product });
  const priceLists = createPriceListService(store, { authorize: commerce.priceList });
  return {
    Product: products.handle,
    PriceList: priceLists.handle,
    Quote: createQuoteService(store, {
      products,
      priceLists,
      discountRules: DEFAULT_DISCOUNT_RULES,
      authorize: commerce.quote,
    }).handle,
    SalesOrder: createSalesOrderService(store, { authorize: commerce.salesOrder }).handle,
    Contract: createContractService(store, { authorize: commerce.contract }).handle,
    ExpenseClaim: createExpenseClaimService(store, { authorize: commerce.expenseClaim }).handle,
    ExpenseBudget: createExpenseBudgetService(store, { authorize: commerce.expenseBudget }).handle,
    AccountTeam: createAccountTeamService(store, { authorize: commerce.accountTeam }).handle,
    AnalyticsModel: createAnalyticsModelService(store, { authorize: commerce.analyticsModel })
      .handle,
    Activity: createActivityService(store, { authorize: engagement.activity }).handle,
    Task: createTaskService(store, { authorize: engagement.task }).handle,
    Appointment: createCalendarService(store, { authorize: engagement.appointment }).handle,
  };
};

/** A command, the owner of the record it touches (null: nobody's) and the input. */
interface Case {
  readonly aggregate: string;
  readonly owner: string | null;
  readonly input: Readonly<Record<string, unknown>> & { readonly kind: string };
}

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

const CASES: readonly Case[] = [
  {
    aggregate: 'Product',
    owner: null,
    input: {
      kind: 'DefineProduct',
      productId: 'seat',
      sku: 'SEAT-STD',
      name: 'Seat',
      unit: 'seat',
      taxClass: 'standard',
    },
  },
  {
    aggregate: 'PriceList',
    owner: null,
    input: {
      kind: 'CreatePriceList',
      priceListId: 'eu-smb',
      name: 'EU small business',
      currency: 'EUR',
      segment: 'smb',
      taxRates: { standard: 2200, reduced: 1000, zero: 0, exempt: 0 },
    },
  },
  {
    aggregate: 'Quote',
    owner: null,
    input: { kind: 'SendQuote', quoteId: 'q1', sentOn: '2026-03-03' },
  },
  {
    aggregate: 'Quote',
    owner: null,
    input: { kind: 'ApproveQuoteDiscount', quoteId: 'q1', approverId: '', approverLimitBps: 0 },
  },
  {
    aggregate: 'Quote',
    owner: null,
    input: { kind: 'RejectQuoteDiscount', quoteId: 'q1', approverId: '', reason: 'margin' },
  },
  {
    aggregate: 'SalesOrder',
    owner: null,
    input: { kind: 'CancelOrder', orderId: 'o1', cancelledOn: '2026-03-03' },
  },
  {
    aggregate: 'Contract',
    owner: null,
    input: {
      kind: 'AmendContract',
      contractId: 'k1',
      amendedOn: '2026-03-03',
      lines: [pricedSeatLine(0)],
      totals: { net: eur(120_000), tax: eur(24_000), total: eur(144_000) },
    },
  },
  {
    aggregate: 'ExpenseClaim',
    owner: null,
    input: { kind: 'ApproveExpenseClaim', claimId: 'x1', approverId: '', approvedOn: '2026-03-03' },
  },
  {
    aggregate: 'ExpenseClaim',
    owner: null,
    input: {
      kind: 'RejectExpenseClaim',
      claimId: 'x1',
      approverId: '',
      rejectedOn: '2026-03-03',
      reason: 'no business purpose',
    },
  },
  {
    aggregate: 'ExpenseClaim',
    owner: null,
    input: {
      kind: 'ReimburseExpenseClaim',
      claimId: 'x1',
      reimbursedOn: '2026-03-03',
      paymentReference: 'EXP-1',
    },
  },
  {
    aggregate: 'Contract',
    owner: null,
    input: { kind: 'RenewContract', contractId: 'k1', renewedOn: '2026-03-03' },
  },
  {
    aggregate: 'ExpenseClaim',
    owner: 'rep-ada',
    input: {
      kind: 'SubmitExpenseClaim',
      claimId: 'x1',
      repId: 'rep-ada',
      category: 'travel',
      amount: eur(4_500),
      incurredOn: '2026-03-02',
      description: 'Train to the customer',
      receipts: [],
    },
  },
  {
    aggregate: 'ExpenseBudget',
    owner: 'rep-ada',
    input: { kind: 'SetExpenseBudget', repId: 'rep-ada', period: '2026-Q1', amount: eur(100_000) },
  },
  {
    aggregate: 'AccountTeam',
    owner: null,
    input: {
      kind: 'AddTeamMember',
      recordType: 'opportunity',
      recordId: 'opp-1',
      memberId: 'se-bo',
      teamRole: 'sales_engineer',
    },
  },
  {
    aggregate: 'AnalyticsModel',
    owner: null,
    input: {
      kind: 'RecordModelTraining',
      modelId: 'win-probability',
      version: 1,
      trainedUpTo: '2026-03-01',
      trainingCases: 120,
      shown: 'stageDefault',
      parameters: '{}',
    },
  },
  {
    aggregate: 'Activity',
    owner: 'rep-ada',
    input: {
      kind: 'LogActivity',
      activityId: 'a1',
      activityKind: 'note',
      on: [{ type: 'lead', id: 'lead-7' }],
      ownerId: 'rep-ada',
      at: '2026-03-03T09:00:00Z',
      notes: 'wants a demo',
    },
  },
  {
    aggregate: 'Task',
    owner: 'rep-ada',
    input: {
      kind: 'CreateTask',
      taskId: 't1',
      title: 'Call back',
      assigneeId: 'rep-ada',
      dueAt: '2026-03-04T09:00:00Z',
      priority: 'normal',
      reminders: [],
    },
  },
  {
    aggregate: 'Appointment',
    owner: 'rep-ada',
    input: {
      kind: 'BookAppointment',
      appointmentId: 'ap1',
      title: 'Demo',
      start: '2026-03-04T09:00:00Z',
      end: '2026-03-04T10:00:00Z',
      timeZone: 'UTC',
      organizerId: 'rep-ada',
      reps: ['rep-ada'],
    },
  },
];

const actors = fc.record<Actor>({
  id: fc.constantFrom('rep-ada', 'rep-bob', 'mgr-east', 'mgr-west', 'someone'),
  role: fc.constantFrom(...builtInRoles),
});

let sequence = 0;
const contextOf = (actor: Actor): CommandContext => ({
  commandId: `0194c000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});

const count = async (store: EventStore) => {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
};

const handleOf = (store: EventStore, aggregate: string): Handle => {
  const handle = entryPoints(store)[aggregate];
  if (handle === undefined) throw new Error(`no entry point for ${aggregate}`);
  return handle;
};

describe('authorization through the engagement, product-to-cash, expense, team and model entry points', () => {
  it.each(CASES)('the $aggregate case is a well-formed command', async ({ aggregate, input }) => {
    const store = createInMemoryEventStore();
    const result = await handleOf(store, aggregate)(
      input,
      contextOf({ id: 'admin', role: 'administrator' }),
    );
    expect(E.isLeft(result) && result.left.kind === 'InvalidCommand').toBe(false);
  });

  it('refuses every command the role policy does not grant, appending nothing and naming the permission', () =>
    fc.assert(
      fc.asyncProperty(
        actors,
        fc.constantFrom(...CASES),
        async (actor, { aggregate, owner, input }) => {
          const store = createInMemoryEventStore();
          const result = await handleOf(store, aggregate)(input, contextOf(actor));
          const permission = `${aggregate}.${input.kind}`;
          const allowed = E.isRight(
            authorize({ policy: defaultRolePolicy, teams }, actor, permission, owner),
          );
          if (allowed) {
            expect(E.isLeft(result) && result.left.kind === 'Forbidden').toBe(false);
            return;
          }
          expect(result).toEqual(
            E.left(
              expect.objectContaining({
                kind: 'Forbidden',
                denial: expect.objectContaining({ permission, actorId: actor.id }),
              }),
            ),
          );
          expect(await count(store)).toBe(0);
        },
      ),
      { numRuns: 200 },
    ));
});
