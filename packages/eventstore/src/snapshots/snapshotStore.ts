/** An aggregate's state saved at a revision, so loading it replays only the events after. */
export interface StoredSnapshot {
  readonly revision: bigint;
  /** The state as JSON (encoded by the aggregate's state codec). */
  readonly state: unknown;
}

/**
 * Where snapshots are kept, per engine. A snapshot is keyed by stream and by the aggregate's state
 * version, so changing `evolve` (and bumping the version) makes old snapshots invisible.
 * Snapshots are a cache: deleting any of them loses nothing.
 */
export interface SnapshotStore {
  load(streamName: string, stateVersion: string): Promise<StoredSnapshot | undefined>;
  save(streamName: string, stateVersion: string, snapshot: StoredSnapshot): Promise<void>;
  /** Drops every snapshot of a stream, e.g. after a person in it was forgotten. */
  remove(streamName: string): Promise<void>;
}

/** Snapshots in a map: for tests and the in-memory engine. */
export const createInMemorySnapshotStore = (): SnapshotStore => {
  const snapshots = new Map<string, Map<string, StoredSnapshot>>();
  return {
    load: async (streamName, stateVersion) => snapshots.get(streamName)?.get(stateVersion),
    save: async (streamName, stateVersion, snapshot) => {
      const versions = snapshots.get(streamName) ?? new Map<string, StoredSnapshot>();
      versions.set(stateVersion, {
        revision: snapshot.revision,
        state: JSON.parse(JSON.stringify(snapshot.state)) as unknown,
      });
      snapshots.set(streamName, versions);
    },
    remove: async (streamName) => {
      snapshots.delete(streamName);
    },
  };
};
