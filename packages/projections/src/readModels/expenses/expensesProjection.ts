import { ExpenseBudgetEvent, ExpenseClaimEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import {
  type ExpenseBudgetDocument,
  type ExpenseClaimDocument,
  expenseBudgetKey,
  expenseClaimKey,
} from './expenseClaimDocument.js';

const decodeClaim = domainEventDecoder(ExpenseClaimEvent);
const decodeBudget = domainEventDecoder(ExpenseBudgetEvent);

type ExpenseDocument = ExpenseClaimDocument | ExpenseBudgetDocument;

const applyClaim = (doc: ExpenseClaimDocument, event: ExpenseClaimEvent): ExpenseClaimDocument => {
  switch (event.type) {
    case 'ExpenseClaimSubmitted': {
      const { data } = event;
      return {
        ...doc,
        repId: data.repId,
        opportunityId: data.opportunityId ?? null,
        customerId: data.customerId ?? null,
        category: data.category,
        currency: data.amount.currency,
        amountMinor: data.amount.amountMinor,
        incurredOn: data.incurredOn,
        status: 'submitted',
      };
    }
    case 'ExpenseClaimApproved':
      return { ...doc, status: 'approved' };
    case 'ExpenseClaimRejected':
      return { ...doc, status: 'rejected' };
    case 'ExpenseClaimReimbursed':
      return { ...doc, status: 'reimbursed' };
  }
};

/**
 * `expenses`: one document per expense claim (`claim:<id>`) and one per rep and budget period
 * (`budget:<period>:<repId>`).
 */
export const expensesProjection: Projection<ExpenseDocument> = {
  name: 'expenses',
  version: 1,
  filter: { streamNamePrefixes: ['ExpenseClaim-', 'ExpenseBudget-'] },
  keysOf: (recorded) => {
    const claim = decodeClaim(recorded);
    if (claim !== undefined) return [expenseClaimKey(claim.data.claimId)];
    const budget = decodeBudget(recorded);
    return budget === undefined ? [] : [expenseBudgetKey(budget.data.repId, budget.data.period)];
  },
  initial: (key) => {
    const [kind, first = '', ...rest] = key.split(':');
    if (kind === 'budget') return { repId: rest.join(':'), period: first, budget: null };
    return {
      claimId: [first, ...rest].join(':'),
      repId: '',
      opportunityId: null,
      customerId: null,
      category: '',
      currency: '',
      amountMinor: 0,
      incurredOn: '',
      status: 'submitted',
    };
  },
  apply: (doc, recorded) => {
    const claim = decodeClaim(recorded);
    if (claim !== undefined && 'claimId' in doc) return applyClaim(doc, claim);
    const budget = decodeBudget(recorded);
    if (budget === undefined || !('period' in doc)) return doc;
    return {
      ...doc,
      budget:
        budget.type === 'ExpenseBudgetSet'
          ? { amountMinor: budget.data.amount.amountMinor, currency: budget.data.amount.currency }
          : null,
    };
  },
};
