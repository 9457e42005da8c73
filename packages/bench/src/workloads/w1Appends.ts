import * as E from 'fp-ts/lib/Either.js';
import { NO_STREAM } from '@clientele/eventstore';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, timeEach, withPeakRss } from '../measure.js';
import { sampleEvent } from './sampleEvents.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

const rate = (latencies: readonly number[]) =>
  latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);

/** W1: single-event appends across many streams, each with an exact expected-revision check. */
export const runW1 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const raw = rate(await engine.rawSingleRowAppends(sizes.appends, sizes.streams));
  const { store, close } = await engine.open();
  try {
    const revisions = new Array<bigint | typeof NO_STREAM>(sizes.streams).fill(NO_STREAM);
    const { peakRssMb, value: latencies } = await withPeakRss(() =>
      timeEach(sizes.appends, async (index) => {
        const stream = index % sizes.streams;
        const result = await store.appendToStream(`Bench-${stream}`, [sampleEvent(index)], {
          expectedRevision: revisions[stream] ?? NO_STREAM,
        });
        if (E.isLeft(result)) throw new Error(result.left.message);
        revisions[stream] = result.right.nextExpectedRevision;
      }),
    );
    const ops = rate(latencies);
    return {
      workload: 'W1',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      note: `${sizes.appends} appends over ${sizes.streams} streams`,
    };
  } finally {
    await close();
  }
};
