import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
} from '@clientele/eventstore';
import { describeErasure } from '../testing/erasureSuite.js';

describeErasure('memory', async () => ({
  engine: createInMemoryEventStore(),
  keys: createInMemoryDataKeyStore(),
  snapshots: createInMemorySnapshotStore(),
  close: async () => {},
}));
