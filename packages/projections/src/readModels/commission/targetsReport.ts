import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { monthsOf } from '@clientele/domain';
import {
  type MoneyByCurrency,
  addAmount,
  addTotals,
  amountIn,
} from '../../definitions/moneyByCurrency.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument } from '../deals/dealDocument.js';
import { InvoiceDocument } from '../receivables/invoiceDocument.js';
import { CommissionDocument } from './commissionDocument.js';

/** One rep's target, results and commission in one period. */
export interface TargetRow {
  readonly repId: string;
  readonly period: string;
  readonly target: { readonly amountMinor: number; readonly currency: string } | null;
  /** Revenue of deals the rep won with a close day in the period. */
  readonly wonRevenue: MoneyByCurrency;
  /** Won revenue in the target's currency ÷ target; null without a target. */
  readonly attainment: Ratio | null;
  /** Payments received in the period on invoices crediting the rep, less refunds made in it. */
  readonly collected: MoneyByCurrency;
  readonly commissionAccrued: MoneyByCurrency;
  readonly commissionClawedBack: MoneyByCurrency;
  /**
   * What the plan's rule for leavers withheld from a rep who left (accrued − clawed back +
   * withheld is what the plan would have paid had they stayed); empty for everyone else.
   */
  readonly commissionWithheld: MoneyByCurrency;
  readonly commissionPaid: MoneyByCurrency;
}

type Monthly = Map<string, MoneyByCurrency>;
const addMonthly = (
  totals: Monthly,
  repId: string,
  day: string,
  amount: { amountMinor: number; currency: string },
) => {
  const key = `${repId}\u0000${day.slice(0, 7)}`;
  totals.set(key, addAmount(totals.get(key) ?? {}, amount));
};
const overPeriod = (totals: Monthly, repId: string, period: string): MoneyByCurrency =>
  monthsOf(period).reduce(
    (sum, month) => addTotals(sum, totals.get(`${repId}\u0000${month}`) ?? {}),
    {},
  );

/** Won revenue per rep and month, by close day. */
const wonByMonth = async (readModels: ReadModelStore): Promise<Monthly> => {
  const won: Monthly = new Map();
  for await (const { doc } of activeDocuments(readModels, 'deals', DealDocument)) {
    if (doc.outcome === 'won' && doc.wonAmount !== null && doc.closedOn !== null)
      addMonthly(won, doc.ownerId, doc.closedOn, doc.wonAmount);
  }
  return won;
};

/** Payments less refunds per invoice's sales rep and month. */
const collectedByMonth = async (readModels: ReadModelStore): Promise<Monthly> => {
  const collected: Monthly = new Map();
  for await (const { doc } of activeDocuments(readModels, 'invoices', InvoiceDocument)) {
    if (doc.salesRepId === null) continue;
    for (const p of doc.payments)
      addMonthly(collected, doc.salesRepId, p.on, {
        amountMinor: p.amountMinor,
        currency: doc.currency,
      });
    for (const r of doc.refunds)
      addMonthly(collected, doc.salesRepId, r.on, {
        amountMinor: -r.amountMinor,
        currency: doc.currency,
      });
  }
  return collected;
};

/**
 * Targets and attainment, collected payments and commission per rep and period (the periods of
 * the reps' commission plans; settlements paid are counted in the month they were paid). Won
 * revenue is by close day; attainment compares it with the target in the target's currency only.
 * Rows are the reps within the actor's `Commission.read` scope (a rep's own, a manager's team's,
 * everyone's for finance); a role without it is refused.
 */
export const targetsReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
): Promise<E.Either<ReadRefusal, TargetRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Commission.read');
    if (E.isLeft(scope)) return scope;
    const won = await wonByMonth(readModels);
    const collected = await collectedByMonth(readModels);
    const rows: TargetRow[] = [];
    for await (const { doc } of activeDocuments(readModels, 'commissions', CommissionDocument)) {
      if (!inReadScope(scope.right, doc.repId)) continue;
      const wonRevenue = overPeriod(won, doc.repId, doc.period);
      rows.push({
        repId: doc.repId,
        period: doc.period,
        target: doc.target,
        wonRevenue,
        attainment:
          doc.target === null
            ? null
            : ratio(amountIn(wonRevenue, doc.target.currency), doc.target.amountMinor),
        collected: overPeriod(collected, doc.repId, doc.period),
        commissionAccrued: doc.accrued,
        commissionClawedBack: doc.clawedBack,
        commissionWithheld: doc.withheld,
        commissionPaid: doc.paid,
      });
    }
    return E.right(
      rows.sort((a, b) =>
        a.repId === b.repId ? (a.period < b.period ? -1 : 1) : a.repId < b.repId ? -1 : 1,
      ),
    );
  });
