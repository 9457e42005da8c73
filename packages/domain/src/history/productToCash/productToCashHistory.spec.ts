import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../generateHistory.js';
import { salesHistorySetup, salesHistorySteps } from '../salesHistory.js';
import { productToCashHistory } from './index.js';

describe('product-to-cash history', () => {
  it('generates catalog, quotes through orders and contracts, invoices, renewals and expenses, the same for the same seed', async () => {
    const generate = async () => {
      const store = createInMemoryEventStore();
      const cash = productToCashHistory(store, 3);
      await generateHistory({
        store,
        seed: 3,
        steps: 700,
        setup: [...salesHistorySetup, ...cash.setup],
        stepKinds: [...salesHistorySteps, ...cash.steps],
      });
      const types = new Map<string, number>();
      const ids: string[] = [];
      for await (const event of store.readAll()) {
        types.set(event.type, (types.get(event.type) ?? 0) + 1);
        ids.push(event.eventId);
      }
      return { types, ids };
    };
    const first = await generate();
    for (const type of [
      'ProductDefined',
      'ProductPriceSet',
      'QuoteDrafted',
      'QuoteDiscountApprovalRequested',
      'QuoteDiscountApproved',
      'QuoteSent',
      'QuoteAccepted',
      'OrderPlaced',
      'OrderLineFulfilled',
      'ContractStarted',
      'InvoiceIssued',
      'InvoicePaymentRecorded',
      'ExpenseBudgetSet',
      'ExpenseClaimSubmitted',
      'ExpenseClaimApproved',
      'ExpenseClaimReimbursed',
    ]) {
      expect(first.types.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    expect((await generate()).ids).toEqual(first.ids);
  });
});
