import * as t from 'io-ts';

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** One expense claim: who claimed what, for which deal or customer, and where it stands. */
export const ExpenseClaimDocument = t.type(
  {
    claimId: t.string,
    repId: t.string,
    opportunityId: nullable(t.string),
    customerId: nullable(t.string),
    category: t.string,
    currency: t.string,
    amountMinor: t.number,
    incurredOn: t.string,
    status: t.string,
  },
  'ExpenseClaimDocument',
);
/** One expense claim. */
export type ExpenseClaimDocument = t.TypeOf<typeof ExpenseClaimDocument>;

/** One rep's expense budget of one period. */
export const ExpenseBudgetDocument = t.type(
  {
    repId: t.string,
    period: t.string,
    budget: t.union([t.type({ amountMinor: t.number, currency: t.string }), t.null]),
  },
  'ExpenseBudgetDocument',
);
/** One rep's expense budget of one period. */
export type ExpenseBudgetDocument = t.TypeOf<typeof ExpenseBudgetDocument>;

/** The key of a claim document. */
export const expenseClaimKey = (claimId: string): string => `claim:${claimId}`;
/** The key of a budget document. */
export const expenseBudgetKey = (repId: string, period: string): string =>
  `budget:${period}:${repId}`;
