import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeQuoteToOrder } from '../testing/quoteToOrderSuite.js';

describeQuoteToOrder('in-memory', async () => ({
  store: createInMemoryEventStore(),
  dispose: async () => undefined,
}));
