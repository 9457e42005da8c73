/** One line of benchmark output: a workload on an engine, next to its raw baseline. */
export interface WorkloadResult {
  readonly workload: string;
  readonly engine: string;
  readonly opsPerSec: number | null;
  readonly rawOpsPerSec: number | null;
  readonly ratio: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /**
   * The whole process's peak resident set during the workload, not the workload's own: workloads
   * run one after another in one process, so it includes what earlier ones left on the heap.
   */
  readonly peakRssMb: number | null;
  /** Appends refused for a stale expected revision and retried (W8); null elsewhere. */
  readonly conflictsRetried?: number | null;
  /** Acknowledged commands missing from the log afterwards (W8, must be 0); null elsewhere. */
  readonly lostUpdates?: number | null;
  /** The peer library measured beside it with `--peers` (W1, W2, W6), or null. */
  readonly peer?: string | null;
  /** The peer's ops/s on the same workload and engine in the same run, or null. */
  readonly peerOpsPerSec?: number | null;
  /**
   * The reading process's events per second (the populated log's events over its wall time) while
   * appends ran beside it (W9, W9R); null elsewhere.
   */
  readonly readerEventsPerSec?: number | null;
  /** Why a figure is missing, or what was measured. */
  readonly note?: string;
}

/** Sizes of the workloads; `--scale` multiplies them. */
export interface WorkloadSizes {
  readonly appends: number;
  readonly streams: number;
  readonly aggregateEvents: number;
  readonly logEvents: number;
  readonly concurrentClients: number;
  /** How many times each start-up is timed (W0, W0C). */
  readonly startups: number;
  /** How long W8's app servers send commands, in seconds; `--duration` sets it. */
  readonly commandSeconds: number;
}

/** The sizes the issues name, at scale 1. */
export const baseSizes: WorkloadSizes = {
  appends: 10_000,
  streams: 1_000,
  aggregateEvents: 10_000,
  logEvents: 100_000,
  concurrentClients: 8,
  startups: 21,
  commandSeconds: 30,
};

/** Rounds a ratio for display and JSON. */
export const ratioOf = (ops: number, raw: number): number => Math.round((ops / raw) * 1000) / 1000;
