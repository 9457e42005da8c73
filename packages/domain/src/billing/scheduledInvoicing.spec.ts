import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeScheduledInvoicing } from '../testing/scheduledInvoicingSuite.js';

describeScheduledInvoicing('in-memory', async () => ({
  store: createInMemoryEventStore(),
  dispose: async () => undefined,
}));
