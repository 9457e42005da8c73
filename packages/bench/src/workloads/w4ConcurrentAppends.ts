import * as E from 'fp-ts/lib/Either.js';
import type { BenchEngine } from '../benchEngine.js';
import { timeOnce, withPeakRss } from '../measure.js';
import { sampleEvent } from './sampleEvents.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

/** W4: several clients appending single events to distinct streams at the same time. */
export const runW4 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const clients = sizes.concurrentClients;
  const perClient = Math.ceil(sizes.appends / clients);
  const total = clients * perClient;
  if (engine.rawConcurrentAppends === undefined)
    throw new Error(`W4 needs a raw concurrent baseline for ${engine.name}`);
  const raw = total / (await engine.rawConcurrentAppends(clients, perClient));
  const { store, close } = await engine.open();
  try {
    const { peakRssMb, value } = await withPeakRss(() =>
      timeOnce(() =>
        Promise.all(
          Array.from({ length: clients }, async (_, client) => {
            for (let n = 0; n < perClient; n += 1) {
              const result = await store.appendToStream(`Bench-${client}-${n % 100}`, [
                sampleEvent(n),
              ]);
              if (E.isLeft(result)) throw new Error(result.left.message);
            }
          }),
        ),
      ),
    );
    const ops = total / value.seconds;
    return {
      workload: 'W4',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: null,
      p99Ms: null,
      peakRssMb,
      note: `${clients} clients x ${perClient} appends`,
    };
  } finally {
    await close();
  }
};
