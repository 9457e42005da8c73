import { createInMemoryEventStore, createInMemorySnapshotStore } from '@clientele/eventstore';
import type { BenchEngine } from '../benchEngine.js';
import { timeEach, timeOnce } from '../measure.js';
import { sampleEventData } from '../workloads/sampleEvents.js';

/** The in-memory engine, measured against a plain array push and iterate. */
export const memoryBenchEngine: BenchEngine = {
  name: 'memory',
  unavailable: async () => undefined,
  open: async () => {
    const store = createInMemoryEventStore();
    return { store, snapshots: createInMemorySnapshotStore(), close: () => store.close() };
  },
  rawSingleRowAppends: async (count, streams) => {
    const rows: unknown[][] = Array.from({ length: streams }, () => []);
    return timeEach(count, (index) => {
      rows[index % streams]?.push({ type: 'Sampled', data: sampleEventData(index) });
    });
  },
  rawReadAll: async (count) => {
    const rows = Array.from({ length: count }, (_, index) => ({
      type: 'Sampled',
      data: sampleEventData(index),
    }));
    const { seconds } = await timeOnce(async () => {
      let seen = 0;
      for (const row of rows) if (row.type === 'Sampled') seen += 1;
      return seen;
    });
    return seconds;
  },
};
