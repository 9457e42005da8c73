import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeContractRenewals } from '../testing/contractRenewalSuite.js';

describeContractRenewals('in-memory', async () => ({
  store: createInMemoryEventStore(),
  dispose: async () => undefined,
}));
