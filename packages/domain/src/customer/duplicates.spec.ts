import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeDuplicateCustomerChecks } from '../testing/duplicateCheckSuite.js';

describeDuplicateCustomerChecks('in-memory', async () => ({
  store: createInMemoryEventStore(),
  dispose: async () => undefined,
}));
