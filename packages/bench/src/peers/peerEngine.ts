/**
 * Another event-sourcing library doing the same workload on the same engine, in the same run, so
 * `pnpm bench --peers` can show Clientele next to what a user would pick instead.
 */
export interface PeerEngine {
  /** The peer's name and version as printed, e.g. `emmett 0.42`. */
  readonly name: string;
  /** W1: `count` single-event appends over `streams` streams with exact expected versions: ms each. */
  appends(count: number, streams: number): Promise<number[]>;
  /**
   * W2: one stream of `count` events (written outside the timing), rehydrated `passes` times by
   * the peer's own aggregate fold: ms each.
   */
  rehydrations(count: number, passes: number): Promise<number[]>;
  /**
   * W6: `count` end-to-end commands through the peer's own command handler on W6's lead commands
   * (capture each of `streams` leads, then log contact attempts): ms each. Absent where the peer
   * has no command handler.
   */
  commands?(count: number, streams: number): Promise<number[]>;
}
