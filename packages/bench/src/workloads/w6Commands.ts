import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { createLeadService, locateDomainPersonalData } from '@clientele/domain';
import { withHashChain, withPersonalDataEncryption } from '@clientele/eventstore';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, timeEach, withPeakRss } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';
import { permitEveryCommandInBench } from './benchAuthorizer.js';

const rate = (latencies: readonly number[]) =>
  latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);

/**
 * End-to-end commands through a domain entry point: decode the input, load the lead, decide,
 * append. The first command on each of 1,000 leads captures it (with a person's name and email);
 * the rest log contact attempts, so every later command replays a growing stream. With
 * `production`, the store is wrapped as every CLI store is: a hash chain over the log, and the
 * person's fields encrypted with their key from the engine's key table.
 */
const runLeadCommands = async (
  engine: BenchEngine,
  sizes: WorkloadSizes,
  production: boolean,
): Promise<WorkloadResult> => {
  const raw = rate(await engine.rawSingleRowAppends(sizes.appends, sizes.streams));
  const opened = await engine.open();
  const { close, keys } = opened;
  try {
    const store = production
      ? withPersonalDataEncryption(withHashChain(opened.store), {
          keys,
          locate: locateDomainPersonalData,
        })
      : opened.store;
    const leads = createLeadService(store, { authorize: permitEveryCommandInBench() });
    const command = (index: number) => {
      const leadId = `lead-${index % sizes.streams}`;
      return index < sizes.streams
        ? {
            kind: 'CaptureLead',
            leadId,
            source: 'web form',
            contact: {
              companyName: `Company ${index}`,
              name: `Person ${index}`,
              email: `person${index}@example.org`,
            },
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
      workload: production ? 'W6P' : 'W6',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: ratioOf(ops, raw),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      note:
        `${sizes.appends} lead commands (decode, load, decide, append) over ${sizes.streams} leads` +
        (production ? ', hash chain and encryption as in the CLI' : ', bare engine'),
    };
  } finally {
    await close();
  }
};

/** W6: end-to-end domain commands on the bare engine. */
export const runW6 = (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> =>
  runLeadCommands(engine, sizes, false);

/** W6P: the same commands on the production stack every CLI store has (hash chain, encryption). */
export const runW6Production = (
  engine: BenchEngine,
  sizes: WorkloadSizes,
): Promise<WorkloadResult> => runLeadCommands(engine, sizes, true);
