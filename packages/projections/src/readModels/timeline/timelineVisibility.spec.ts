import { defaultRolePolicy, noTeams } from '@clientele/domain';
import type { RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { readAccess } from '../../access/readAccess.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory } from '../../testing/domainHistory.js';
import { timelineVisibility } from './timelineVisibility.js';

/** The first event of a quote, an order, a contract and an expense claim of rep-1's. */
const firstEvents = async (): Promise<RecordedEvent[]> => {
  const store = createInMemoryEventStore();
  await appendHistory(store, [
    { stream: 'Quote-q1', type: 'QuoteDrafted', data: { ownerId: 'rep-1' }, at: '2026-03-02' },
    { stream: 'SalesOrder-o1', type: 'OrderPlaced', data: { ownerId: 'rep-1' }, at: '2026-03-03' },
    {
      stream: 'Contract-k1',
      type: 'ContractStarted',
      data: { ownerId: 'rep-1' },
      at: '2026-03-04',
    },
    {
      stream: 'ExpenseClaim-x1',
      type: 'ExpenseClaimSubmitted',
      data: { repId: 'rep-1' },
      at: '2026-03-05',
    },
  ]);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

const seenBy = async (id: string, role: string): Promise<boolean[]> => {
  const visible = timelineVisibility(
    createInMemoryReadModelStore(),
    readAccess(defaultRolePolicy, noTeams, { id, role }),
    'c1',
  );
  return Promise.all((await firstEvents()).map(visible));
};

describe('timeline visibility of product-to-cash records', () => {
  it("shows a customer's quotes, orders, contracts and expense claims under their own read permissions: to their rep and finance, not to another rep or support", async () => {
    expect(await seenBy('rep-1', 'sales_rep')).toEqual([true, true, true, true]);
    expect(await seenBy('rep-2', 'sales_rep')).toEqual([false, false, false, false]);
    expect(await seenBy('fin-1', 'finance')).toEqual([true, true, true, true]);
    expect(await seenBy('agent-1', 'support_agent')).toEqual([false, false, false, false]);
  });
});
