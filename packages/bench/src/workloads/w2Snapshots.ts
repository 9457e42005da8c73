import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import {
  createCommandHandler,
  createInMemoryDataKeyStore,
  withHashChain,
  withPersonalDataEncryption,
} from '@clientele/eventstore';
import {
  OPPORTUNITY_STATE_VERSION,
  OpportunityCommand,
  OpportunityEvent,
  OpportunityStateCodec,
  opportunityDecider,
  personalDataLocator,
} from '@clientele/domain';
import type { BenchEngine } from '../benchEngine.js';
import { percentile, timeEach, withPeakRss } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { permitEveryCommandInBench } from './benchAuthorizer.js';

const STREAM = 'Opportunity-bench';
const SNAPSHOT_EVERY = 100;
const LOADS = 200;

/** Decodes a command as an app would at its boundary. */
const command = (input: unknown) => {
  const decoded = OpportunityCommand.decode(input);
  if (E.isLeft(decoded)) throw new Error('the bench sent an invalid Opportunity command');
  return decoded.right;
};

const context = () => ({
  commandId: uuidv7(),
  actor: { id: 'rep-7', role: 'sales_rep' },
  occurredAt: '2026-03-03T09:15:00Z',
});

/**
 * W2S: rehydrating a realistic aggregate, an Opportunity decoded through its codecs, on the full
 * stack (hash chain and personal-data encryption on), with a snapshot every 100 events, so each
 * load reads one snapshot and replays up to 99 events. The stream ends 99 events past its last
 * snapshot: the worst case. The note also gives the same load without snapshots, in events/s.
 */
export const runW2Snapshots = async (
  engine: BenchEngine,
  sizes: WorkloadSizes,
): Promise<WorkloadResult> => {
  const { store: engineStore, snapshots, close } = await engine.open();
  if (snapshots === undefined) throw new Error(`${engine.name} has no snapshot store`);
  try {
    const store = withPersonalDataEncryption(withHashChain(engineStore), {
      keys: createInMemoryDataKeyStore(),
      locate: personalDataLocator([OpportunityEvent]),
    });
    const handler = (withSnapshots: boolean) =>
      createCommandHandler({
        authorize: permitEveryCommandInBench(),
        store,
        decider: opportunityDecider,
        eventCodec: OpportunityEvent,
        streamName: () => STREAM,
        ...(withSnapshots
          ? {
              snapshots: {
                store: snapshots,
                stateVersion: OPPORTUNITY_STATE_VERSION,
                stateCodec: OpportunityStateCodec,
                every: SNAPSHOT_EVERY,
              },
            }
          : {}),
      });
    const writer = handler(true);
    const events =
      Math.floor(sizes.aggregateEvents / SNAPSHOT_EVERY) * SNAPSHOT_EVERY + SNAPSHOT_EVERY - 1;
    const opened = await writer.handle(
      command({
        kind: 'OpenOpportunity',
        opportunityId: 'bench',
        name: 'Volume licence renewal',
        ownerId: 'rep-7',
        amount: { amountMinor: 100_000, currency: 'EUR' },
        expectedCloseOn: '2026-06-30',
      }),
      context(),
    );
    if (E.isLeft(opened)) throw new Error(JSON.stringify(opened.left));
    for (let i = 1; i < events; i += 1) {
      const changed = await writer.handle(
        command({
          kind: 'ChangeOpportunityAmount',
          opportunityId: 'bench',
          amount: { amountMinor: 100_000 + i, currency: 'EUR' },
        }),
        context(),
      );
      if (E.isLeft(changed)) throw new Error(JSON.stringify(changed.left));
    }
    const { peakRssMb, value: latencies } = await withPeakRss(() =>
      timeEach(LOADS, async () => {
        const { revision } = await writer.load(STREAM);
        if (revision !== BigInt(events - 1))
          throw new Error(`loaded revision ${revision}, expected ${events - 1}`);
      }),
    );
    const withoutSnapshots = handler(false);
    const full = await timeEach(3, () => withoutSnapshots.load(STREAM));
    const fullRate = events / (percentile(full, 50) / 1000);
    const p50 = percentile(latencies, 50);
    return {
      workload: 'W2S',
      engine: engine.name,
      opsPerSec: 1000 / p50,
      rawOpsPerSec: null,
      ratio: null,
      p50Ms: p50,
      p99Ms: percentile(latencies, 99),
      peakRssMb,
      note: `Opportunity of ${events} events, chain + encryption on, snapshot every ${SNAPSHOT_EVERY} (99 replayed); loads/s. Without snapshots ${Math.round(fullRate).toLocaleString('en-US')} events/s`,
    };
  } finally {
    await close();
  }
};
