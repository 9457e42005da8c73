import type { EventStore, SnapshotStore } from '@clientele/eventstore';

/** A fresh, empty store opened for one workload. */
export interface OpenedStore {
  readonly store: EventStore;
  /** The engine's own snapshot store, where it has one (W2S). */
  readonly snapshots?: SnapshotStore;
  readonly close: () => Promise<void>;
}

/**
 * What each engine gives the benchmark: a way to open an empty store, and the raw driver doing
 * the same physical work without Clientele, measured in the same run so ratios hold on a noisy
 * machine.
 */
export interface BenchEngine {
  readonly name: string;
  /** Why the engine cannot run here (no server, no connection string), or undefined. */
  unavailable(): Promise<string | undefined>;
  open(): Promise<OpenedStore>;
  /** Raw single-row transactions: `count` inserts spread over `streams` streams, each timed. */
  rawSingleRowAppends(count: number, streams: number): Promise<number[]>;
  /**
   * Raw row iteration with JSON.parse: stores `count` rows shaped like events (outside the timing),
   * then returns how long iterating and parsing all of them took, in seconds.
   */
  rawReadAll(count: number): Promise<number>;
  /** Raw appends from `clients` concurrent connections, `perClient` each: total seconds (W4). */
  rawConcurrentAppends?(clients: number, perClient: number): Promise<number>;
}
