import type { HistoryStep } from '../historyStep.js';
import type { GeneratedProductToCash } from './productToCashServices.js';

const CATEGORIES = ['travel', 'travel', 'entertainment', 'samples', 'other'] as const;

/** Reps claim expenses on their deals; managers approve most and refuse some; finance reimburses. */
export const expenseSteps = (services: GeneratedProductToCash): readonly HistoryStep[] => {
  const submitted: { claimId: string; repId: string }[] = [];
  const approved: string[] = [];

  const claim: HistoryStep = {
    name: 'claimExpense',
    weight: (world) => (world.deals.size > 0 ? 0.8 : 0),
    run: async (world) => {
      const deal = world.random.pick([...world.deals.values()]);
      const claimId = world.random.uuid();
      const amount = { amountMinor: world.random.int(15, 600) * 100, currency: 'EUR' };
      const category = world.random.pick(CATEGORIES);
      const result = await services.claims.handle(
        {
          kind: 'SubmitExpenseClaim',
          claimId,
          repId: deal.ownerId,
          category,
          amount,
          incurredOn: world.today(),
          description: `${category} for deal ${deal.opportunityId.slice(0, 8)}`,
          receipts: [
            {
              receiptId: world.random.uuid(),
              fileName: `${claimId.slice(0, 8)}.pdf`,
              mediaType: 'application/pdf',
              amount,
            },
          ],
          opportunityId: deal.opportunityId,
          ...(deal.customerId === null ? {} : { customerId: deal.customerId }),
        },
        world.context(deal.ownerId),
      );
      if (world.record('claimExpense', result)) submitted.push({ claimId, repId: deal.ownerId });
    },
  };

  const review: HistoryStep = {
    name: 'reviewExpense',
    weight: () => (submitted.length > 0 ? 1 : 0),
    run: async (world) => {
      const [entry] = submitted.splice(world.random.int(0, submitted.length - 1), 1);
      if (entry === undefined) return;
      const manager = world.managers.length > 0 ? world.random.pick(world.managers) : 'admin';
      const approve = world.random.chance(0.85);
      const result = await services.claims.handle(
        approve
          ? {
              kind: 'ApproveExpenseClaim',
              claimId: entry.claimId,
              approverId: manager,
              approvedOn: world.today(),
            }
          : {
              kind: 'RejectExpenseClaim',
              claimId: entry.claimId,
              approverId: manager,
              rejectedOn: world.today(),
              reason: 'no business purpose',
            },
        world.context(manager),
      );
      if (world.record(approve ? 'approveExpense' : 'rejectExpense', result) && approve)
        approved.push(entry.claimId);
    },
  };

  const reimburse: HistoryStep = {
    name: 'reimburseExpense',
    weight: () => (approved.length > 0 ? 0.8 : 0),
    run: async (world) => {
      const [claimId] = approved.splice(world.random.int(0, approved.length - 1), 1);
      if (claimId === undefined) return;
      const result = await services.claims.handle(
        {
          kind: 'ReimburseExpenseClaim',
          claimId,
          reimbursedOn: world.today(),
          paymentReference: `EXP-${claimId.slice(0, 8)}`,
        },
        world.context('finance-1'),
      );
      world.record('reimburseExpense', result);
    },
  };

  return [claim, review, reimburse];
};
