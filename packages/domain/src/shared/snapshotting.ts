import type * as t from 'io-ts';
import type { SnapshotPolicy, SnapshotStore } from '@clientele/eventstore';

/** How an entry point snapshots its aggregate: in `store`, every `every` events (0: on demand). */
export interface SnapshotOptions {
  readonly store: SnapshotStore;
  readonly every: number;
}

/**
 * The command handler's snapshot policy for an aggregate: the service's options, with the
 * aggregate's state version and codec. Undefined (no snapshots) when the options give none.
 */
export const snapshotPolicyOf = <State>(
  options: SnapshotOptions | undefined,
  stateVersion: string,
  stateCodec: t.Type<State, unknown>,
): SnapshotPolicy<State> | undefined =>
  options === undefined ? undefined : { ...options, stateVersion, stateCodec };
