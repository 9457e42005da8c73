import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { oneAuthorizerForCommerce } from '@clientele/domain';
import * as E from 'fp-ts/lib/Either.js';
import {
  createCommissionAccrualReactor,
  createCommissionService,
  createExpenseBudgetService,
  createOpportunityService,
  createExpenseClaimService,
  createInvoiceService,
  createProductToCashServices,
  createScheduledInvoicing,
} from '@clientele/domain';
import {
  acceptQuote,
  acceptSubscription,
  seedCatalog,
  testContext,
} from '@clientele/domain/testing';
import { createInMemoryCheckpointStore, createInMemoryEventStore } from '@clientele/eventstore';
import { GENERATED_PLAN } from '@clientele/domain/history';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { administratorAccess, allowed } from '../testing/readAccess.js';
import { allReadModels } from './allReadModels.js';
import { contractRenewalsReport } from './contracts/contractRenewalsReport.js';
import { expensesAgainstBudgetReport } from './expenses/expensesAgainstBudgetReport.js';
import { revenueByProductReport } from './orders/revenueByProductReport.js';
import { dealProfitabilityReport } from './profitability/dealProfitabilityReport.js';
import { quoteConversionReport } from './quotes/quoteConversionReport.js';

const must = async <T>(result: Promise<E.Either<unknown, T>>): Promise<T> => {
  const settled = await result;
  if (E.isLeft(settled)) throw new Error(JSON.stringify(settled.left));
  return settled.right;
};
const manager = () =>
  testContext('2026-03-06T09:00:00.000Z', { id: 'mgr-1', role: 'sales_manager' });
const readModels = createInMemoryReadModelStore();

/*
 * One small history through the whole path: a quote for 3 seats at 5 % off becomes an order
 * (€342.00 net, €410.40 with tax), a yearly subscription a contract; both are invoiced; the
 * order's invoice is paid; the rep claims two expenses on the deal, one approved.
 */
beforeAll(async () => {
  const events = createInMemoryEventStore();
  const services = createProductToCashServices(events, {
    authorizers: oneAuthorizerForCommerce(permitEveryoneInTests()),
  });
  await seedCatalog(services);
  // The deal is won, and its rep paid commission on collection: 2 % of the first half of the target.
  const opportunities = createOpportunityService(events, { authorize: permitEveryoneInTests() });
  await must(
    opportunities.send(
      {
        kind: 'OpenOpportunity',
        opportunityId: 'opp-1',
        name: 'Seats',
        ownerId: 'rep-1',
        customerId: 'cus-1',
        amount: { amountMinor: 34_200, currency: 'EUR' },
        expectedCloseOn: '2026-03-31',
      },
      testContext(),
    ),
  );
  await must(
    opportunities.send(
      { kind: 'MarkOpportunityWon', opportunityId: 'opp-1', wonOn: '2026-03-05' },
      testContext(),
    ),
  );
  const commissions = createCommissionService(events, { authorize: permitEveryoneInTests() });
  await must(
    commissions.send(
      {
        kind: 'AssignCommissionPlan',
        repId: 'rep-1',
        period: '2026-Q1',
        plan: GENERATED_PLAN,
        target: { amountMinor: 10_000_000, currency: 'EUR' },
      },
      manager(),
    ),
  );
  await must(
    services.quotes.request(
      {
        kind: 'DraftQuote',
        quoteId: 'q-deal',
        opportunityId: 'opp-1',
        customerId: 'cus-1',
        ownerId: 'rep-1',
        priceListId: 'eu-smb',
        quotedOn: '2026-03-02',
        validUntil: '2026-03-31',
        lines: [{ lineId: 'l1', productId: 'seat', quantity: 3, discountBps: 500 }],
      },
      testContext(),
    ),
  );
  await must(
    services.quotes.send(
      { kind: 'SendQuote', quoteId: 'q-deal', sentOn: '2026-03-03' },
      testContext(),
    ),
  );
  await must(
    services.quotes.send(
      { kind: 'AcceptQuote', quoteId: 'q-deal', acceptedOn: '2026-03-05' },
      testContext(),
    ),
  );
  await acceptQuote(services, 'q-2', 1);
  await acceptSubscription(services);
  await services.quoteToOrder.runner.catchUp();
  const invoices = createInvoiceService(events, { authorize: permitEveryoneInTests() });
  const invoicing = createScheduledInvoicing({
    store: events,
    invoices,
    clock: { today: () => '2026-03-10' },
  });
  await invoicing.catchUp();
  await invoicing.issueDue();
  for await (const issued of events.readAll({ filter: { eventTypes: ['InvoiceIssued'] } })) {
    const data = issued.data as {
      invoiceId: string;
      opportunityId: string | null;
      total: { amountMinor: number };
    };
    if (data.opportunityId !== 'opp-1') continue;
    await must(
      invoices.send(
        {
          kind: 'RecordPayment',
          invoiceId: data.invoiceId,
          paymentId: 'pay-1',
          amount: { amountMinor: data.total.amountMinor, currency: 'EUR' },
          receivedOn: '2026-03-20',
        },
        testContext(),
      ),
    );
  }
  await createCommissionAccrualReactor({
    store: events,
    checkpoints: createInMemoryCheckpointStore(),
    commissions,
  }).runner.catchUp();
  const claims = createExpenseClaimService(events, { authorize: permitEveryoneInTests() });
  for (const [claimId, amountMinor] of [
    ['ex-1', 4_500],
    ['ex-2', 9_000],
  ] as const) {
    await must(
      claims.send(
        {
          kind: 'SubmitExpenseClaim',
          claimId,
          repId: 'rep-1',
          category: 'travel',
          amount: { amountMinor, currency: 'EUR' },
          incurredOn: '2026-03-04',
          description: 'Visit',
          receipts: [
            {
              receiptId: 'r',
              fileName: 'r.pdf',
              mediaType: 'application/pdf',
              amount: { amountMinor, currency: 'EUR' },
            },
          ],
          opportunityId: 'opp-1',
        },
        testContext(),
      ),
    );
  }
  await must(
    claims.send(
      {
        kind: 'ApproveExpenseClaim',
        claimId: 'ex-1',
        approverId: 'mgr-1',
        approvedOn: '2026-03-06',
      },
      manager(),
    ),
  );
  await must(
    createExpenseBudgetService(events, { authorize: permitEveryoneInTests() }).send(
      {
        kind: 'SetExpenseBudget',
        repId: 'rep-1',
        period: '2026-Q1',
        amount: { amountMinor: 10_000, currency: 'EUR' },
      },
      manager(),
    ),
  );
  await createProjectionRunner({ events, readModels, projections: allReadModels }).catchUp();
});

describe('product-to-cash reports', () => {
  it('books revenue per product net of discounts, and collects what the paid invoices billed of it', async () => {
    const rows = await allowed(
      revenueByProductReport(readModels, administratorAccess, { period: 'month', byRegion: false }),
    );
    expect(rows).toEqual([
      {
        productId: 'seat',
        sku: 'SEAT-STD',
        product: 'Seat',
        period: '2026-03',
        region: 'all',
        orders: 2,
        units: 4,
        booked: { EUR: 34_200 + 11_400 },
        // The deal's invoice, paid in full: €342.00 + 20 % tax.
        collected: { EUR: 41_040 },
      },
    ]);
  });

  it('gives quote-to-order conversion and the gross-weighted average discount per rep', async () => {
    const [rep] = await allowed(
      quoteConversionReport(readModels, administratorAccess, { asOf: '2026-03-31' }),
    );
    // Three quotes sent: two became orders, the subscription a contract; 5 % off 4 of 9 seats.
    expect(rep).toMatchObject({ repId: 'rep-1', quotesSent: 3, accepted: 3, ordered: 2 });
    expect(rep?.conversion.value).toBe(0.6667);
    expect(rep?.averageDiscount).toMatchObject({ numerator: 2_400, denominator: 108_000 });
  });

  it('lists the contract renewing within the window and nothing outside it', async () => {
    const within = await allowed(
      contractRenewalsReport(readModels, administratorAccess, {
        asOf: '2026-12-15',
        withinDays: 90,
        churnedSince: '2026-01-01',
      }),
    );
    expect(within.map((row) => [row.outlook, row.endOn])).toEqual([['renewing', '2027-01-31']]);
    const before = await allowed(
      contractRenewalsReport(readModels, administratorAccess, {
        asOf: '2026-06-01',
        withinDays: 90,
        churnedSince: '2026-01-01',
      }),
    );
    expect(before).toEqual([]);
  });

  it('puts expenses against the rep budget of the period, refused claims left out', async () => {
    const rows = await allowed(expensesAgainstBudgetReport(readModels, administratorAccess));
    expect(rows).toEqual([
      {
        repId: 'rep-1',
        period: '2026-Q1',
        budget: { EUR: 10_000 },
        claimed: { EUR: 13_500 },
        approved: { EUR: 4_500 },
        reimbursed: {},
        remaining: { EUR: -3_500 },
      },
    ]);
  });

  it('makes a deal profitable by what it collected less its approved expenses and the commission its collection accrued', async () => {
    // Commission on collection works for scheduled invoices as for any: 2 % of €410.40 = €8.21.
    const [deal] = await allowed(dealProfitabilityReport(readModels, administratorAccess, 'deal'));
    expect(deal).toEqual({
      group: 'opp-1',
      collected: { EUR: 41_040 },
      expenses: { EUR: 4_500 },
      commission: { EUR: 821 },
      profit: { EUR: 35_719 },
    });
    const byProduct = await allowed(
      dealProfitabilityReport(readModels, administratorAccess, 'product'),
    );
    expect(byProduct).toEqual([
      {
        group: 'Seat',
        collected: { EUR: 41_040 },
        expenses: { EUR: 4_500 },
        commission: { EUR: 821 },
        profit: { EUR: 35_719 },
      },
    ]);
  });
});
