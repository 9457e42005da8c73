import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { ReadPermission } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
import { contractRenewalsReport } from '../readModels/contracts/contractRenewalsReport.js';
import { expensesAgainstBudgetReport } from '../readModels/expenses/expensesAgainstBudgetReport.js';
import { revenueByProductReport } from '../readModels/orders/revenueByProductReport.js';
import { quoteConversionReport } from '../readModels/quotes/quoteConversionReport.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import type { HistoryEntry } from './domainHistory.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** One seat line of `seats` at €100.00, no discount, no tax. */
const seatLines = (seats: number) => [
  {
    lineId: 'l1',
    productId: 'seat',
    sku: 'SEAT-STD',
    productName: 'Seat',
    billing: 'one_off',
    quantity: seats,
    unitPrice: eur(100_00),
    taxRateBps: 0,
    gross: eur(seats * 100_00),
    discount: eur(0),
    net: eur(seats * 100_00),
    tax: eur(0),
    total: eur(seats * 100_00),
  },
];

/** A quote of `ownerId`'s for their customer, drafted and sent. */
const sentQuote = (quoteId: string, ownerId: string, customerId: string, seats: number) => {
  const stream = `Quote-${quoteId}`;
  const total = eur(seats * 100_00);
  return [
    {
      stream,
      type: 'QuoteDrafted',
      data: {
        quoteId,
        version: 1,
        validUntil: '2026-03-31',
        lines: seatLines(seats),
        totals: { net: total, tax: eur(0), total },
        customerId,
        ownerId,
        priceListId: 'eu',
        currency: 'EUR',
        quotedOn: '2026-02-10',
      },
      at: '2026-02-10',
      actor: ownerId,
    },
    {
      stream,
      type: 'QuoteSent',
      data: { quoteId, version: 1, sentOn: '2026-02-11' },
      at: '2026-02-11',
      actor: ownerId,
    },
  ] satisfies HistoryEntry[];
};

/** An order of `seats` seats that `ownerId` placed for their customer. */
const order = (orderId: string, ownerId: string, customerId: string, seats: number) => {
  const total = eur(seats * 100_00);
  return {
    stream: `SalesOrder-${orderId}`,
    type: 'OrderPlaced',
    data: {
      orderId,
      customerId,
      ownerId,
      currency: 'EUR',
      orderedOn: '2026-02-15',
      lines: seatLines(seats),
      totals: { net: total, tax: eur(0), total },
    },
    at: '2026-02-15',
    actor: ownerId,
  } satisfies HistoryEntry;
};

/** A yearly subscription of one seat that `ownerId` sold their customer, ending 2026-12-31. */
const contract = (contractId: string, ownerId: string, customerId: string): HistoryEntry => ({
  stream: `Contract-${contractId}`,
  type: 'ContractStarted',
  data: {
    contractId,
    customerId,
    ownerId,
    currency: 'EUR',
    terms: {
      startOn: '2026-01-01',
      termMonths: 12,
      autoRenew: true,
      noticeDays: 30,
      billing: 'yearly',
    },
    lines: seatLines(1),
    totals: { net: eur(100_00), tax: eur(0), total: eur(100_00) },
    term: 1,
    endOn: '2026-12-31',
  },
  at: '2026-01-01',
  actor: ownerId,
});

/** An expense a rep claims on their deal. */
const claim = (claimId: string, repId: string, opportunityId: string): HistoryEntry => ({
  stream: `ExpenseClaim-${claimId}`,
  type: 'ExpenseClaimSubmitted',
  data: {
    claimId,
    repId,
    category: 'travel',
    amount: eur(80_00),
    incurredOn: '2026-02-12',
    description: 'Train to the customer',
    receipts: [],
    opportunityId,
  },
  at: '2026-02-12',
  actor: repId,
});

/** Seats each rep's order sold: powers of ten, so a unit count says whose orders it summed. */
const ORDERED_SEATS = { 'rep-ada': 1, 'rep-bob': 10, 'rep-cy': 100 } as const;

/**
 * The product-to-cash part of the read authorization fixture: rep-ada's and rep-cy's sent quotes
 * to their own customers (a quote of rep-bob's on rep-ada's customer, as with deals), an expense
 * claim of rep-ada's and rep-cy's on their own deals, an order of each rep's, and rep-ada's and
 * rep-cy's subscription contracts.
 */
export const commerceHistory: readonly HistoryEntry[] = [
  ...sentQuote('Q-ada', 'rep-ada', 'C-ada', 1),
  ...sentQuote('Q-bob', 'rep-bob', 'C-ada', 2),
  ...sentQuote('Q-cy', 'rep-cy', 'C-cy', 3),
  claim('X-ada', 'rep-ada', 'O-ada'),
  claim('X-cy', 'rep-cy', 'O-cy'),
  order('SO-ada', 'rep-ada', 'C-ada', ORDERED_SEATS['rep-ada']),
  order('SO-bob', 'rep-bob', 'C-bob', ORDERED_SEATS['rep-bob']),
  order('SO-cy', 'rep-cy', 'C-cy', ORDERED_SEATS['rep-cy']),
  contract('K-ada', 'rep-ada', 'C-ada'),
  contract('K-cy', 'rep-cy', 'C-cy'),
];

/** Who owns each product-to-cash record of the fixture, by stream. */
export const COMMERCE_OWNERS: Readonly<Record<string, string>> = {
  'Quote-Q-ada': 'rep-ada',
  'Quote-Q-bob': 'rep-bob',
  'Quote-Q-cy': 'rep-cy',
  'ExpenseClaim-X-ada': 'rep-ada',
  'ExpenseClaim-X-cy': 'rep-cy',
  'SalesOrder-SO-ada': 'rep-ada',
  'SalesOrder-SO-bob': 'rep-bob',
  'SalesOrder-SO-cy': 'rep-cy',
  'Contract-K-ada': 'rep-ada',
  'Contract-K-cy': 'rep-cy',
};

/** The records one read showed: each with its permission and owner (see `Shown`). */
type ShownRecords = readonly { readonly permission: ReadPermission; readonly ownerId: string }[];

/** Each rep's row stands for their records: a rep's row is shown only if they may be read. */
const rowsByRep =
  (permission: ReadPermission) =>
  (rows: readonly { readonly repId: string }[]): ShownRecords =>
    rows.map((row) => ({ permission, ownerId: row.repId }));

/** The reps whose orders a total of units sold counts (see {@link ORDERED_SEATS}). */
const repsInUnits = (units: number): ShownRecords =>
  Object.entries(ORDERED_SEATS)
    .filter(([, seats]) => Math.floor(units / seats) % 10 === 1)
    .map(([repId]) => ({ permission: 'SalesOrder.read', ownerId: repId }));

/** The product-to-cash reports the suite tries, by name, with the permission a denial names. */
export const COMMERCE_READS = {
  quoteConversion: {
    permission: 'Quote.read' as const,
    read: async (readModels: ReadModelStore, _events: EventStore, access: ReadAccess) =>
      E.map(rowsByRep('Quote.read'))(
        await quoteConversionReport(readModels, access, { asOf: '2026-03-31' }),
      ),
  },
  expensesAgainstBudget: {
    permission: 'ExpenseClaim.read' as const,
    read: async (readModels: ReadModelStore, _events: EventStore, access: ReadAccess) =>
      E.map(rowsByRep('ExpenseClaim.read'))(await expensesAgainstBudgetReport(readModels, access)),
  },
  revenueByProduct: {
    permission: 'SalesOrder.read' as const,
    read: async (readModels: ReadModelStore, _events: EventStore, access: ReadAccess) =>
      E.map((rows: readonly { readonly units: number }[]) =>
        repsInUnits(rows.reduce((units, row) => units + row.units, 0)),
      )(await revenueByProductReport(readModels, access, { period: 'year' })),
  },
  contractRenewals: {
    permission: 'Contract.read' as const,
    read: async (readModels: ReadModelStore, _events: EventStore, access: ReadAccess) =>
      E.map((rows: readonly { readonly ownerId: string }[]) =>
        rows.map((row) => ({ permission: 'Contract.read' as const, ownerId: row.ownerId })),
      )(
        await contractRenewalsReport(readModels, access, {
          asOf: '2026-03-31',
          withinDays: 366,
          churnedSince: '2026-01-01',
        }),
      ),
  },
};
