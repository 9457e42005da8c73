import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { NonNegativeMoney } from '../shared/money.js';
import type { TargetCommand } from './commands.js';
import type { TargetEvent } from './events.js';

/** A target as its events left it. */
export type TargetState =
  | { readonly declared: false }
  | {
      readonly declared: true;
      readonly targetId: string;
      readonly status: 'declared' | 'approved';
      readonly amount: NonNegativeMoney;
      readonly ownerKind: 'rep' | 'team';
      readonly ownerId: string;
      readonly period: string;
    };

/** Why a target command was refused. */
export type TargetError =
  | { readonly kind: 'TargetNotFound'; readonly targetId: string }
  | { readonly kind: 'TargetAlreadyDeclared'; readonly targetId: string }
  | { readonly kind: 'TargetCurrencyMismatch'; readonly expected: string; readonly actual: string };

const facts = (state: { ownerKind: 'rep' | 'team'; ownerId: string; period: string }) => ({
  ownerKind: state.ownerKind,
  ownerId: state.ownerId,
  period: state.period,
});

/** Folds one event into the target. */
export const evolveTarget = (state: TargetState, event: TargetEvent): TargetState => {
  if (event.type === 'TargetDeclared') {
    return {
      declared: true,
      targetId: event.data.targetId,
      status: 'declared',
      amount: event.data.amount,
      ownerKind: event.data.ownerKind,
      ownerId: event.data.ownerId,
      period: event.data.period,
    };
  }
  if (!state.declared) return state;
  return event.type === 'TargetApproved'
    ? { ...state, status: 'approved', amount: event.data.amount }
    : { ...state, amount: event.data.amount };
};

/**
 * Decides a target command. Approving an approved target or adjusting to the same amount changes
 * nothing; an adjustment after approval keeps the target approved (the manager made it).
 */
export const decideTarget = (
  command: TargetCommand,
  state: TargetState,
): E.Either<TargetError, readonly TargetEvent[]> => {
  const { targetId } = command;
  if (command.kind === 'DeclareTarget') {
    if (state.declared) return E.left({ kind: 'TargetAlreadyDeclared', targetId });
    const { kind: _, ...data } = command;
    return E.right([{ type: 'TargetDeclared', data }]);
  }
  if (!state.declared) return E.left({ kind: 'TargetNotFound', targetId });
  if (command.kind === 'ApproveTarget') {
    return state.status === 'approved'
      ? E.right([])
      : E.right([
          {
            type: 'TargetApproved',
            data: {
              targetId,
              amount: state.amount,
              approvedBy: command.approvedBy,
              ...facts(state),
            },
          },
        ]);
  }
  if (command.amount.currency !== state.amount.currency) {
    return E.left({
      kind: 'TargetCurrencyMismatch',
      expected: state.amount.currency,
      actual: command.amount.currency,
    });
  }
  if (command.amount.amountMinor === state.amount.amountMinor) return E.right([]);
  return E.right([
    {
      type: 'TargetAdjusted',
      data: {
        targetId,
        amount: command.amount,
        previousAmount: state.amount,
        adjustedBy: command.adjustedBy,
        reason: command.reason,
        ...facts(state),
      },
    },
  ]);
};

/** The Target aggregate as a decider. */
export const targetDecider: Decider<TargetCommand, TargetEvent, TargetState, TargetError> = {
  initialState: { declared: false },
  decide: decideTarget,
  evolve: evolveTarget,
};
