import {
  createInMemoryDataKeyStore,
  createInMemoryEventStore,
  createInMemorySnapshotStore,
} from '@clientele/eventstore';
import type { BenchEngine } from '../benchEngine.js';
import { timeEach } from '../measure.js';
import { sampleEventData } from '../workloads/sampleEvents.js';
import { emmettInMemoryPeer } from '../peers/emmettInMemory.js';

/** The in-memory engine, measured against a plain array push and iterate. */
export const memoryBenchEngine: BenchEngine = {
  name: 'memory',
  peer: emmettInMemoryPeer,
  unavailable: async () => undefined,
  open: async () => {
    const store = createInMemoryEventStore();
    return {
      store,
      snapshots: createInMemorySnapshotStore(),
      keys: createInMemoryDataKeyStore(),
      close: () => store.close(),
    };
  },
  rawSingleRowAppends: async (count, streams) => {
    const rows: unknown[][] = Array.from({ length: streams }, () => []);
    return timeEach(count, (index) => {
      rows[index % streams]?.push({ type: 'Sampled', data: sampleEventData(index) });
    });
  },
  rawReadAll: async (count, passes = 1) => {
    const rows = Array.from({ length: count }, (_, index) => ({
      type: 'Sampled',
      data: sampleEventData(index),
    }));
    const latencies = await timeEach(passes, () => {
      let seen = 0;
      for (const row of rows) if (row.type === 'Sampled') seen += 1;
      return seen;
    });
    return latencies.map((ms) => ms / 1000);
  },
};
