import { createInMemoryDataKeyStore } from '@clientele/eventstore';
import { describeDataKeyStoreContract } from '@clientele/eventstore/testing';

describeDataKeyStoreContract('memory', async () => ({
  keys: createInMemoryDataKeyStore(),
  dispose: async () => undefined,
}));
