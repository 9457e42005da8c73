import type { AnyProjection } from '../projection/projection.js';
import { buildId, parseBuildId } from '../store/buildId.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import type { Build } from './build.js';

const generationOf = (build: string): number => parseBuildId(build).generation;

/**
 * The builds a pass over the log writes into for one projection: the active build when it is of
 * the projection's version, plus any unfinished build of that version (a rebuild in progress, or
 * the first build). When neither exists a new build is registered. Builds of other versions that
 * are not active are dropped: they can never be finished by this code.
 */
export const planBuilds = async (
  readModels: ReadModelStore,
  projection: AnyProjection,
  options: { readonly rebuild: boolean },
): Promise<Build[]> => {
  const { name, version } = projection;
  const active = await readModels.activeBuild(name);
  const builds = await readModels.builds(name);
  for (const build of builds) {
    if (build.build !== active && parseBuildId(build.build).version !== version) {
      await readModels.dropBuild(build);
    }
  }
  const current = builds.filter((b) => parseBuildId(b.build).version === version);
  const pending = current.filter((b) => b.build !== active);
  if (current.length === 0 || (options.rebuild && pending.length === 0)) {
    const generation = Math.max(0, ...builds.map((b) => generationOf(b.build))) + 1;
    const fresh = { name, build: buildId(version, generation) };
    await readModels.createBuild(fresh);
    current.push({ ...fresh, checkpoint: undefined });
  }
  return current.map((b) => ({
    name,
    build: b.build,
    projection,
    served: b.build === active,
    checkpoint: b.checkpoint,
  }));
};

/**
 * After a pass has reached the head: activates the newest build of each projection if it is not
 * active yet, which also drops the build it replaces (the old one served queries until now).
 */
export const activateFinished = async (
  readModels: ReadModelStore,
  builds: readonly Build[],
): Promise<void> => {
  const newest = new Map<string, Build>();
  for (const build of builds) {
    const seen = newest.get(build.name);
    if (seen === undefined || generationOf(build.build) > generationOf(seen.build)) {
      newest.set(build.name, build);
    }
  }
  for (const build of newest.values()) {
    if ((await readModels.activeBuild(build.name)) !== build.build) {
      await readModels.activate(build);
    }
  }
};
