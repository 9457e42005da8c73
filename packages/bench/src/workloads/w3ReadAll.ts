import type { BenchEngine } from '../benchEngine.js';
import { timeOnce, withPeakRss } from '../measure.js';
import { populate } from './populate.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

/** W3: reading the whole global log through the port. */
export const runW3 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const count = sizes.logEvents;
  const [rawSeconds = Number.NaN] = await engine.rawReadAll(count);
  const raw = count / rawSeconds;
  const { store, close } = await engine.open();
  try {
    await populate(store, count, (batch) => `Bench-${batch % 1000}`);
    const { peakRssMb, value } = await withPeakRss(() =>
      timeOnce(async () => {
        let seen = 0;
        for await (const event of store.readAll()) if (event.type === 'Sampled') seen += 1;
        return seen;
      }),
    );
    if (value.value !== count) throw new Error(`read ${value.value} events, expected ${count}`);
    const ops = count / value.seconds;
    return {
      workload: 'W3',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: null,
      p99Ms: null,
      peakRssMb,
      note: `${count} events`,
    };
  } finally {
    await close();
  }
};
