import type { Position } from '@clientele/eventstore';
import { comparePositions } from '@clientele/eventstore';
import type { AnyProjection } from '../projection/projection.js';
import type { BuildRef } from '../store/readModelStore.js';

/** One build a pass writes into: the projection, where its documents go, and how far it is. */
export interface Build extends BuildRef {
  readonly projection: AnyProjection;
  /** Whether queries read this build (the active one): its batches are committed one by one. */
  readonly served: boolean;
  /** The last position committed. */
  checkpoint: Position | undefined;
}

/** The earliest checkpoint of the builds: where a pass serving them all must start reading. */
export const earliestCheckpoint = (builds: readonly Build[]): Position | undefined => {
  let earliest: Position | undefined;
  for (const build of builds) {
    if (build.checkpoint === undefined) return undefined;
    if (earliest === undefined || comparePositions(build.checkpoint, earliest) < 0) {
      earliest = build.checkpoint;
    }
  }
  return earliest;
};
