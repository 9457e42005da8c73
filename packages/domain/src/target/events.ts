import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { NonNegativeMoney } from '../shared/money.js';
import { SalesPeriod } from '../shared/period.js';

/** Whose target it is. */
export const TargetOwnerKind = t.keyof({ rep: null, team: null }, 'TargetOwnerKind');
/** Whose target it is. */
export type TargetOwnerKind = t.TypeOf<typeof TargetOwnerKind>;

/** A rep or a team declared a sales target for a period. */
export const TargetDeclared = eventCodec(
  'TargetDeclared',
  t.type({
    targetId: t.string,
    ownerKind: TargetOwnerKind,
    ownerId: t.string,
    period: SalesPeriod,
    amount: NonNegativeMoney,
  }),
);
/** Whose target and which period: repeated on later events so readers need no join. */
const TargetFacts = { ownerKind: TargetOwnerKind, ownerId: t.string, period: SalesPeriod };

/** A manager approved the target. */
export const TargetApproved = eventCodec(
  'TargetApproved',
  t.type({ targetId: t.string, amount: NonNegativeMoney, approvedBy: t.string, ...TargetFacts }),
);
/** A manager changed the target's amount. */
export const TargetAdjusted = eventCodec(
  'TargetAdjusted',
  t.type({
    targetId: t.string,
    amount: NonNegativeMoney,
    previousAmount: NonNegativeMoney,
    adjustedBy: t.string,
    reason: t.string,
    ...TargetFacts,
  }),
);

/** Every event of a Target stream. */
export const TargetEvent = t.union([TargetDeclared, TargetApproved, TargetAdjusted], 'TargetEvent');
/** Every event of a Target stream. */
export type TargetEvent = t.TypeOf<typeof TargetEvent>;
