import type * as t from 'io-ts';
import type { SnapshotStore } from './snapshotStore.js';

/**
 * How an aggregate is snapshotted: where, under which state version, how its state is encoded,
 * and how often (every `every` events; 0 means only on demand).
 */
export interface SnapshotPolicy<State> {
  readonly store: SnapshotStore;
  /** Bump it whenever `evolve` or the state's shape changes: older snapshots are then ignored. */
  readonly stateVersion: string;
  readonly stateCodec: t.Type<State, unknown>;
  readonly every: number;
}

/** Whether an append that moved a stream from `before` events to `after` events crosses a multiple of `every`. */
export const crossesSnapshotBoundary = (every: number, before: bigint, after: bigint): boolean =>
  every > 0 && after / BigInt(every) > before / BigInt(every);

/**
 * The version snapshots of a state are kept under: the policy's `stateVersion`, and the
 * fingerprint of the upcaster chain the events were folded through, when there is one. A change
 * of either makes older snapshots unseen, so they are replaced rather than trusted.
 *
 * @example
 * snapshotVersion('customer@1', domainUpcasters); // 'customer@1+CampaignLaunched@2,…'
 */
export const snapshotVersion = (
  stateVersion: string,
  upcasters?: { readonly fingerprint: string },
): string =>
  upcasters === undefined || upcasters.fingerprint === ''
    ? stateVersion
    : `${stateVersion}+${upcasters.fingerprint}`;
