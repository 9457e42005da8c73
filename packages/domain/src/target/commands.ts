import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { NonNegativeMoney } from '../shared/money.js';
import { SalesPeriod } from '../shared/period.js';
import { TargetOwnerKind } from './events.js';

/** Declare a target for a rep or a team and a period (month, quarter or year). */
export const DeclareTarget = t.type(
  {
    kind: t.literal('DeclareTarget'),
    targetId: t.string,
    ownerKind: TargetOwnerKind,
    ownerId: t.string,
    period: SalesPeriod,
    amount: NonNegativeMoney,
  },
  'DeclareTarget',
);
/** Approve the declared target, as a manager. */
export const ApproveTarget = t.type(
  { kind: t.literal('ApproveTarget'), targetId: t.string, approvedBy: t.string },
  'ApproveTarget',
);
/** Change the target's amount, as a manager, saying why. */
export const AdjustTarget = t.type(
  {
    kind: t.literal('AdjustTarget'),
    targetId: t.string,
    amount: NonNegativeMoney,
    adjustedBy: t.string,
    reason: NonEmptyText,
  },
  'AdjustTarget',
);

/** Every command of the Target aggregate. */
export const TargetCommand = t.union([DeclareTarget, ApproveTarget, AdjustTarget], 'TargetCommand');
/** Every command of the Target aggregate. */
export type TargetCommand = t.TypeOf<typeof TargetCommand>;

/**
 * A Target command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type TargetCommandInput = t.OutputOf<typeof TargetCommand>;
