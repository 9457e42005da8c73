import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeLeadConversion } from '../testing/conversionSuite.js';

describeLeadConversion('in-memory', async () => ({
  store: createInMemoryEventStore(),
  dispose: async () => undefined,
}));
