import * as E from 'fp-ts/lib/Either.js';
import type { CommissionCommand } from './commands.js';
import type { CommissionDecision } from './postings.js';
import type { CommissionState } from './state.js';
import { nonNegativeMoney } from '../shared/money.js';
import { emit } from './postings.js';
import { heldMinor } from './state.js';

type Command<K extends CommissionCommand['kind']> = Extract<CommissionCommand, { kind: K }>;

/**
 * Approves a settlement of what the rep is owed now, all periods together, less what earlier
 * settlements paid; when clawbacks exceed new accruals, the debt is carried forward.
 */
export const settle = (
  { repId, settlementId, settledOn }: Command<'SettleCommission'>,
  state: CommissionState,
): CommissionDecision => {
  if (state.settlements[settlementId] !== undefined) return emit();
  const entitlement = heldMinor(state);
  const payable = Math.max(0, entitlement - state.settledMinor);
  const debt = Math.max(0, state.settledMinor - entitlement);
  const { currency } = state;
  if ((payable === 0 && debt === 0) || currency === null) {
    return E.left({ kind: 'NothingToSettle', repId });
  }
  const amount = (minor: number) => nonNegativeMoney(minor, currency);
  return emit({
    type: 'CommissionSettled',
    data: {
      repId,
      settlementId,
      settledOn,
      entitlement: amount(entitlement),
      previouslySettled: amount(state.settledMinor),
      payable: amount(payable),
      debt: amount(debt),
    },
  });
};

/** Pays an approved settlement, once. */
export const paySettlement = (
  { repId, settlementId, paidOn }: Command<'PayCommissionSettlement'>,
  state: CommissionState,
): CommissionDecision => {
  const settlement = state.settlements[settlementId];
  if (settlement === undefined) return E.left({ kind: 'SettlementNotFound', settlementId });
  if (settlement.paid) return emit();
  return emit({
    type: 'CommissionSettlementPaid',
    data: {
      repId,
      settlementId,
      paidOn,
      amount: nonNegativeMoney(settlement.payableMinor, settlement.currency),
    },
  });
};
