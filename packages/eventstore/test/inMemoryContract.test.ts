import { createInMemoryEventStore } from '@clientele/eventstore';
import { describeEventStoreContract, describeTenantIsolation } from '@clientele/eventstore/testing';

const open = async () => {
  const store = createInMemoryEventStore();
  return { store, dispose: () => store.close() };
};

describeEventStoreContract('memory', open);
describeTenantIsolation('memory', open);
