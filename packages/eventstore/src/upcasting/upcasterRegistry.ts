import type { RecordedEvent } from '../envelope/envelope.js';

/** Turns the data of `type` at `fromVersion` into its shape at `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

/** Applies upcasters on read, so old events are seen in their current shape. */
export interface UpcasterRegistry {
  /** The event as its current schema version; unchanged when no upcaster applies. */
  upcast<T extends RecordedEvent>(event: T): T;
  /** The schema version events of `type` are written with now (1 when no upcaster exists). */
  currentVersion(type: string): number;
  /**
   * The chain in one line, `Type@version` for every type with upcasters, sorted: it changes
   * whenever an upcaster is added, so caches of upcast state (snapshots) can be keyed by it.
   */
  readonly fingerprint: string;
}

/**
 * Builds a registry from single-step upcasters (`v1 → v2`, `v2 → v3`, …). History is never
 * rewritten: an old event is upcast each time it is read, step by step, and its metadata then says
 * the version it was upcast to.
 */
export const createUpcasterRegistry = (upcasters: readonly Upcaster[]): UpcasterRegistry => {
  const steps = new Map<string, Map<number, Upcaster['upcast']>>();
  for (const upcaster of upcasters) {
    if (!Number.isInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
      throw new RangeError(`upcaster for ${upcaster.type}: fromVersion must be an integer >= 1`);
    }
    const byVersion = steps.get(upcaster.type) ?? new Map<number, Upcaster['upcast']>();
    if (byVersion.has(upcaster.fromVersion)) {
      throw new RangeError(
        `two upcasters for ${upcaster.type} from version ${upcaster.fromVersion}`,
      );
    }
    byVersion.set(upcaster.fromVersion, upcaster.upcast);
    steps.set(upcaster.type, byVersion);
  }
  const currentVersion = (type: string): number => {
    const byVersion = steps.get(type);
    return byVersion === undefined ? 1 : Math.max(...byVersion.keys()) + 1;
  };
  for (const [type, byVersion] of steps) {
    for (let version = 1; version < currentVersion(type); version += 1) {
      if (!byVersion.has(version)) {
        throw new RangeError(`upcasters for ${type} skip version ${version}: each step must exist`);
      }
    }
  }
  const fingerprint = [...steps.keys()]
    .sort()
    .map((type) => `${type}@${String(currentVersion(type))}`)
    .join(',');
  return {
    currentVersion,
    fingerprint,
    upcast(event) {
      const byVersion = steps.get(event.type);
      if (byVersion === undefined) return event;
      let version = event.metadata.schemaVersion;
      let data = event.data;
      for (let step = byVersion.get(version); step !== undefined; step = byVersion.get(version)) {
        data = step(data);
        version += 1;
      }
      if (data === event.data) return event;
      return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
    },
  };
};
