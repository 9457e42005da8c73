import type { EventStore, Position } from '@clientele/eventstore';
import type { ReadModelStore } from '../store/readModelStore.js';

/** How far one build of a projection has got. */
export interface ProjectionStatus {
  readonly name: string;
  readonly build: string;
  /** Whether queries read this build. */
  readonly active: boolean;
  readonly checkpoint: Position | undefined;
  readonly head: Position | undefined;
  /**
   * How far behind the head, in log positions: events on SQLite and PostgreSQL (give or take
   * sequence gaps), bytes on EventStoreDB. 0 when caught up.
   */
  readonly lag: bigint;
}

/** The status of every build of the named projections. */
export const projectionStatus = async (
  events: EventStore,
  readModels: ReadModelStore,
  names: readonly string[],
): Promise<ProjectionStatus[]> => {
  const head = await events.headPosition();
  const statuses: ProjectionStatus[] = [];
  for (const name of names) {
    const active = await readModels.activeBuild(name);
    for (const build of await readModels.builds(name)) {
      const done = build.checkpoint?.commit ?? -1n;
      const last = head?.commit ?? -1n;
      statuses.push({
        name,
        build: build.build,
        active: build.build === active,
        checkpoint: build.checkpoint,
        head,
        lag: last > done ? last - done : 0n,
      });
    }
  }
  return statuses;
};
