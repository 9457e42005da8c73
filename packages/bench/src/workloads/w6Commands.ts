import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { createLeadService } from '@clientele/domain';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, timeEach, withPeakRss } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

const rate = (latencies: readonly number[]) =>
  latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);

/**
 * W6: end-to-end commands through a domain entry point: decode the input, load the lead, decide,
 * append. The first command on each of 1,000 leads captures it; the rest log contact attempts, so
 * every later command replays a growing stream.
 */
export const runW6 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const raw = rate(await engine.rawSingleRowAppends(sizes.appends, sizes.streams));
  const { store, close } = await engine.open();
  try {
    const leads = createLeadService({ store });
    const command = (index: number) => {
      const leadId = `lead-${index % sizes.streams}`;
      return index < sizes.streams
        ? {
            kind: 'CaptureLead',
            leadId,
            source: 'web form',
            contact: { companyName: `Company ${index}` },
          }
        : {
            kind: 'LogContactAttempt',
            leadId,
            attemptId: `attempt-${index}`,
            channel: 'call',
            at: '2026-03-03T09:15:00Z',
          };
    };
    const { peakRssMb, value: latencies } = await withPeakRss(() =>
      timeEach(sizes.appends, async (index) => {
        const outcome = await leads.handle(command(index), {
          commandId: uuidv7(),
          actor: { id: 'rep-7', role: 'sales_rep' },
          occurredAt: '2026-03-03T09:15:00Z',
        });
        if (E.isLeft(outcome))
          throw new Error(`command ${index} failed: ${JSON.stringify(outcome.left)}`);
      }),
    );
    const ops = rate(latencies);
    return {
      workload: 'W6',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      note: `${sizes.appends} lead commands (decode, load, decide, append) over ${sizes.streams} leads`,
    };
  } finally {
    await close();
  }
};
