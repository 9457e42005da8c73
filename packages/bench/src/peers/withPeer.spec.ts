import { describe, expect, it } from 'vitest';
import type { BenchEngine } from '../benchEngine.js';
import type { WorkloadResult } from '../workloads/workloadResult.js';
import { baseSizes } from '../workloads/workloadResult.js';
import { emmettInMemoryPeer } from './emmettInMemory.js';
import { withPeer } from './withPeer.js';

const sizes = { ...baseSizes, appends: 50, streams: 5, aggregateEvents: 40 };

const row = (workload: string): WorkloadResult => ({
  workload,
  engine: 'memory',
  opsPerSec: 1,
  rawOpsPerSec: 1,
  ratio: 1,
  p50Ms: null,
  p99Ms: null,
  peakRssMb: null,
});

const engine = (peer?: BenchEngine['peer']): BenchEngine => ({
  name: 'memory',
  ...(peer === undefined ? {} : { peer }),
  unavailable: async () => undefined,
  open: () => Promise.reject(new Error('not opened by withPeer')),
  rawSingleRowAppends: async () => [],
  rawReadAll: async () => [],
});

describe('withPeer', () => {
  it('measures the peer on W1, W2 and W6 and names it in the row', async () => {
    for (const workload of ['W1', 'W2', 'W6']) {
      const measured = await withPeer(row(workload), engine(emmettInMemoryPeer), sizes);
      expect(measured.peer).toBe(emmettInMemoryPeer.name);
      expect(measured.peerOpsPerSec).toBeGreaterThan(0);
    }
  });

  it('leaves peer figures null where the workload or the engine has no peer', async () => {
    const noWorkload = await withPeer(row('W3'), engine(emmettInMemoryPeer), sizes);
    const noPeer = await withPeer(row('W1'), engine(), sizes);
    for (const measured of [noWorkload, noPeer])
      expect([measured.peer, measured.peerOpsPerSec]).toEqual([null, null]);
  });
});
