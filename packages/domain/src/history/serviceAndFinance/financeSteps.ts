import type { HistorySetup, HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { IssuedInvoice, PaymentOnInvoice } from '../../invoice/state.js';
import type { FinanceServices } from './financeServices.js';
import { addDays } from '../../shared/dates.js';
import { outstandingMinor } from '../../invoice/state.js';

/**
 * The commission plan every generated rep is on: marginal tiers on collected payments; a rep who
 * leaves keeps the share of each period's days they worked (`prorate`).
 */
export const GENERATED_PLAN = {
  planId: 'generated-marginal',
  base: 'collected',
  currency: 'EUR',
  rate: {
    kind: 'tiered_marginal',
    tiers: [
      { fromAttainmentBps: 0, rateBps: 200 },
      { fromAttainmentBps: 5_000, rateBps: 500 },
      { fromAttainmentBps: 10_000, rateBps: 800 },
    ],
  },
  accelerator: { aboveAttainmentBps: 12_000, multiplierBps: 15_000 },
  leaverRule: 'prorate',
} as const;

/** Pays all or part of what is owed, now and then too much (to exercise overpayment). */
const payment = (world: HistoryWorld, invoice: IssuedInvoice, owed: number): object => {
  const { random } = world;
  const amountMinor = random.chance(0.5) ? owed : Math.max(1, Math.floor(owed / random.int(2, 4)));
  return {
    kind: 'RecordPayment',
    paymentId: random.uuid(),
    amount: {
      amountMinor: random.chance(0.05) ? owed + 10_000 : amountMinor,
      currency: invoice.currency,
    },
    receivedOn: world.today(),
    ...(random.chance(0.5) ? { overpayment: 'hold_as_credit' } : {}),
  };
};

/** Refunds part of a payment; undefined when the payment picked is refunded in full already. */
const refund = (
  world: HistoryWorld,
  invoice: IssuedInvoice,
  payments: readonly [string, PaymentOnInvoice][],
): object | undefined => {
  const { random } = world;
  const [paymentId, paid] = random.pick(payments);
  const refundable = paid.amountMinor - paid.refundedMinor;
  if (refundable === 0) return undefined;
  return {
    kind: 'RefundPayment',
    refundId: random.uuid(),
    paymentId,
    amount: { amountMinor: random.int(1, refundable), currency: invoice.currency },
    refundedOn: world.today(),
  };
};

/**
 * Quarterly targets for every rep of the year the history starts in: declared by the rep,
 * approved by a manager, and the same target put on the rep's commission plan.
 */
export const targetsSetup = (services: FinanceServices): HistorySetup => ({
  name: 'targets',
  run: async (world) => {
    const year = world.today().slice(0, 4);
    for (const repId of world.reps) {
      for (const quarter of [1, 2, 3, 4]) {
        const period = `${year}-Q${quarter}`;
        const targetId = `${repId}-${period}`;
        const target = { amountMinor: world.random.int(5, 30) * 1_000_000, currency: 'EUR' };
        world.record(
          'declareTarget',
          await services.targets.handle(
            {
              kind: 'DeclareTarget',
              targetId,
              ownerKind: 'rep',
              ownerId: repId,
              period,
              amount: target,
            },
            world.context(repId),
          ),
        );
        // The rep's own manager approves (`rep-<team>-<n>` is managed by `manager-<team>`).
        const ownManager = `manager-${repId.replace(/^rep-/, '').replace(/-\d+$/, '')}`;
        const managerId = world.managers.includes(ownManager)
          ? ownManager
          : world.random.pick(world.managers.length > 0 ? world.managers : ['manager']);
        world.record(
          'approveTarget',
          await services.targets.handle(
            { kind: 'ApproveTarget', targetId, approvedBy: managerId },
            world.context(managerId),
          ),
        );
        world.record(
          'assignCommissionPlan',
          await services.commissions.handle(
            { kind: 'AssignCommissionPlan', repId, period, plan: GENERATED_PLAN, target },
            world.context(managerId),
          ),
        );
      }
    }
  },
});

/** Invoices for won deals, payments, refunds, disputes, write-offs, and commission settlements. */
export const financeSteps = (services: FinanceServices): readonly HistoryStep[] => {
  const invoiced = new Set<string>();
  const invoices: string[] = [];
  const finance = (world: HistoryWorld) => world.context('finance-1');

  const wonUninvoiced = (world: HistoryWorld) =>
    [...world.deals.values()].filter(
      (deal) =>
        deal.status === 'won' && deal.customerId !== null && !invoiced.has(deal.opportunityId),
    );

  const issueInvoice: HistoryStep = {
    name: 'issueInvoice',
    weight: (world) => (wonUninvoiced(world).length > 0 ? 1.5 : 0),
    run: async (world) => {
      const deal = world.random.pick(wonUninvoiced(world));
      const invoiceId = world.random.uuid();
      invoiced.add(deal.opportunityId);
      const accepted = world.record(
        'issueInvoice',
        await services.invoices.handle(
          {
            kind: 'IssueInvoice',
            invoiceId,
            customerId: deal.customerId,
            currency: deal.amount.currency,
            issuedOn: world.today(),
            dueOn: addDays(world.today(), 30),
            lines: [
              {
                description: `Deal ${deal.opportunityId.slice(0, 8)}`,
                quantity: 1,
                unitPrice: deal.amount,
              },
            ],
            opportunityId: deal.opportunityId,
            salesRepId: deal.ownerId,
          },
          finance(world),
        ),
      );
      if (accepted) invoices.push(invoiceId);
    },
  };

  /** Collects money on an open invoice, now and then refunds, disputes or writes off. */
  const collect: HistoryStep = {
    name: 'collectPayment',
    weight: () => (invoices.length > 0 ? 2 : 0),
    run: async (world) => {
      const { random } = world;
      const invoiceId = random.pick(invoices);
      const invoice = await services.invoices.load(invoiceId);
      if (!invoice.issued) return;
      const send = async (step: string, command: object) =>
        world.record(
          step,
          await services.invoices.handle({ invoiceId, ...command }, finance(world)),
        );
      const owed = outstandingMinor(invoice);
      const payments = Object.entries(invoice.payments);
      const roll = random.next();
      if (invoice.status === 'open' && owed > 0 && roll < 0.7) {
        await send('recordPayment', payment(world, invoice, owed));
      } else if (payments.length > 0 && roll < 0.8) {
        const command = refund(world, invoice, payments);
        if (command !== undefined) await send('refundPayment', command);
      } else if (invoice.openDisputeId === null && roll < 0.9) {
        await send('disputeInvoice', {
          kind: 'DisputeInvoice',
          disputeId: random.uuid(),
          reason: 'wrong quantity',
          openedOn: world.today(),
        });
      } else if (invoice.openDisputeId !== null) {
        await send('resolveDispute', {
          kind: 'ResolveInvoiceDispute',
          disputeId: invoice.openDisputeId,
          outcome: random.pick(['upheld', 'rejected']),
          resolvedOn: world.today(),
        });
      } else if (random.chance(0.2)) {
        await send('writeOffInvoice', {
          kind: 'WriteOffInvoice',
          reason: 'uncollectable',
          writtenOffOn: world.today(),
        });
      }
    },
  };

  /** Brings commission up to date and settles a rep's commission, paying it out. */
  const settle: HistoryStep = {
    name: 'settleCommission',
    weight: () => (invoices.length > 0 ? 0.1 : 0),
    run: async (world) => {
      await services.accrual.catchUp();
      const repId = world.random.pick(world.reps);
      const settlementId = world.random.uuid();
      const settled = world.record(
        'settleCommission',
        await services.commissions.handle(
          { kind: 'SettleCommission', repId, settlementId, settledOn: world.today() },
          finance(world),
        ),
      );
      if (!settled) return;
      world.record(
        'payCommission',
        await services.commissions.handle(
          { kind: 'PayCommissionSettlement', repId, settlementId, paidOn: world.today() },
          finance(world),
        ),
      );
    },
  };

  return [issueInvoice, collect, settle];
};
