import { createCommandHandler } from '@clientele/eventstore';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, timeEach, withPeakRss } from '../measure.js';
import { populate } from './populate.js';
import { SampledEvent, sampleDecider } from './sampleAggregate.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';
import { permitEveryCommandInBench } from './benchAuthorizer.js';

const REPEATS = 10;

/** W2: rehydrating one aggregate from a long stream: read, decode through its codec, fold. */
export const runW2 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const count = sizes.aggregateEvents;
  // The raw read is timed like the engine's: the median of as many passes over the same rows.
  const raw = count / percentile(await engine.rawReadAll(count, REPEATS), 50);
  const opened = await engine.open();
  const { store, close } = opened;
  try {
    await populate(store, count, () => 'Opportunity-bench');
    // Planned from fresh statistics, as the raw table's reads are: a stream of 10,000 rows in a
    // table never analyzed is estimated at a few dozen, and read by a bitmap scan and a sort.
    await opened.analyze?.();
    const handler = createCommandHandler({
      authorize: permitEveryCommandInBench(),
      store,
      decider: sampleDecider,
      eventCodec: SampledEvent,
      streamName: () => 'Opportunity-bench',
    });
    const { peakRssMb, value: latencies } = await withPeakRss(() =>
      timeEach(REPEATS, async () => {
        const { state } = await handler.load('Opportunity-bench');
        if (state.count !== count)
          throw new Error(`rehydrated ${state.count} events, expected ${count}`);
      }),
    );
    const p50 = percentile(latencies, 50);
    const ops = count / (p50 / 1000);
    return {
      workload: 'W2',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: p50,
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      note: `${count}-event aggregate, no snapshot, ${REPEATS} rehydrations and ${REPEATS} raw passes (events/s at both medians)`,
    };
  } finally {
    await close();
  }
};
