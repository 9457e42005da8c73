import type { BenchEngine } from '../benchEngine.js';
import { percentile } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from '../workloads/workloadResult.js';

/** W2's rehydrations, the same count as Clientele's, so both rates are medians of warm reads. */
const REHYDRATIONS = 10;

/** Per second, from each operation's latency in milliseconds (as W1 reports its own rate). */
const rate = (latencies: readonly number[]): number =>
  latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);

/** The peer's ops/s for a workload it has, or undefined. */
const peerRate = async (
  workload: string,
  engine: BenchEngine,
  sizes: WorkloadSizes,
): Promise<number | undefined> => {
  const peer = engine.peer;
  if (peer === undefined) return undefined;
  if (workload === 'W1') return rate(await peer.appends(sizes.appends, sizes.streams));
  if (workload === 'W6' && peer.commands !== undefined)
    return rate(await peer.commands(sizes.appends, sizes.streams));
  if (workload === 'W2') {
    const latencies = await peer.rehydrations(sizes.aggregateEvents, REHYDRATIONS);
    return sizes.aggregateEvents / (percentile(latencies, 50) / 1000);
  }
  return undefined;
};

/**
 * The row with the engine's peer measured right after it on the same workload (W1, W2, W6), so the
 * Clientele/peer ratio holds on a shared machine; rows without a peer get `peer: null`.
 */
export const withPeer = async (
  result: WorkloadResult,
  engine: BenchEngine,
  sizes: WorkloadSizes,
): Promise<WorkloadResult> => {
  const peerOpsPerSec = await peerRate(result.workload, engine, sizes);
  return peerOpsPerSec === undefined || engine.peer === undefined
    ? { ...result, peer: null, peerOpsPerSec: null }
    : { ...result, peer: engine.peer.name, peerOpsPerSec };
};
