/** A build id for a projection version and generation: `3.1`, `3.2`. */
export const buildId = (version: number, generation: number): string => `${version}.${generation}`;

/** The version and generation of a build id written by {@link buildId}. */
export const parseBuildId = (build: string): { version: number; generation: number } => {
  const [version, generation] = build.split('.').map(Number);
  if (!Number.isInteger(version) || !Number.isInteger(generation)) {
    throw new RangeError(`"${build}" is not a build id (expected "<version>.<generation>")`);
  }
  return { version: version as number, generation: generation as number };
};
