import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeEventStoreContract } from '@clientele/eventstore/testing';

describeEventStoreContract('memory', async () => {
  const store = createInMemoryEventStore();
  return { store, dispose: () => store.close() };
});
