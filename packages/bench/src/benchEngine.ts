import type { DataKeyStore, EventStore, SnapshotStore } from '@clientele/eventstore';
import type { PeerEngine } from './peers/peerEngine.js';

/** A fresh, empty store opened for one workload. */
export interface OpenedStore {
  readonly store: EventStore;
  /** The engine's own snapshot store, where it has one (W2S). */
  readonly snapshots?: SnapshotStore;
  /** The engine's own data-key table, as the CLI's stores keep people's keys (W6P). */
  readonly keys: DataKeyStore;
  /**
   * Where other processes open the same store (a shared server's connection string and schema),
   * for the workloads that run several app-server processes (W8); undefined for embedded engines.
   */
  readonly location?: readonly string[];
  /**
   * Brings the server's planner statistics up to date after a bulk load outside the timing, as
   * autovacuum does within a minute on a live server (PostgreSQL); absent where there are none.
   */
  readonly analyze?: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * What each engine gives the benchmark: a way to open an empty store, and the raw driver doing
 * the same physical work without Clientele, measured in the same run so ratios hold on a noisy
 * machine.
 */
export interface BenchEngine {
  readonly name: string;
  /** Another library on the same engine, measured beside it with `--peers` (W1, W2, W6). */
  readonly peer?: PeerEngine;
  /** Why the engine cannot run here (no server, no connection string), or undefined. */
  unavailable(): Promise<string | undefined>;
  open(): Promise<OpenedStore>;
  /** Raw single-row transactions: `count` inserts spread over `streams` streams, each timed. */
  rawSingleRowAppends(count: number, streams: number): Promise<number[]>;
  /**
   * Raw row iteration with JSON.parse: stores `count` rows shaped like events (outside the timing),
   * then iterates and parses all of them `passes` times, returning each pass's seconds: W2 times
   * as many passes as the engine's rehydrations, so both are medians of warm reads.
   */
  rawReadAll(count: number, passes?: number): Promise<number[]>;
  /** Raw appends from `clients` concurrent connections, `perClient` each: total seconds (W4). */
  rawConcurrentAppends?(clients: number, perClient: number): Promise<number>;
}
