import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { AsOf } from '../asOf/asOf.js';
import { eventsAsOf } from '../asOf/asOf.js';
import type { CurrentRevision } from '../envelope/revision.js';
import { NO_STREAM } from '../envelope/revision.js';
import type { EventStore } from '../eventStore/eventStore.js';
import type { UpcasterRegistry } from '../upcasting/upcasterRegistry.js';
import type { SnapshotPolicy } from '../snapshots/snapshotPolicy.js';
import { snapshotVersion as snapshotVersionOf } from '../snapshots/snapshotPolicy.js';
import { DecodeError } from '../envelope/decodeErrors.js';
import type { Decider, DomainEvent } from './decider.js';

/** An aggregate's state as loaded from its stream. */
export interface LoadedAggregate<State> {
  readonly state: State;
  readonly revision: CurrentRevision;
}

/** What {@link createAggregateLoader} needs: where the events are and how to fold them. */
export interface AggregateLoaderOptions<Event extends DomainEvent, State> {
  readonly store: EventStore;
  readonly decider: Pick<Decider<unknown, Event, State, unknown>, 'evolve' | 'initialState'>;
  readonly eventCodec: t.Type<Event, DomainEvent>;
  readonly upcasters?: UpcasterRegistry | undefined;
  readonly snapshots?: SnapshotPolicy<State> | undefined;
}

/** The read half of a command handler: loading an aggregate's state, and keeping its snapshots. */
export interface AggregateLoader<State> {
  /** The latest state, from the latest usable snapshot and the events after it. */
  readonly load: (streamName: string) => Promise<LoadedAggregate<State>>;
  /** The state as of a moment, folded from the start (snapshots may hold later events). */
  readonly loadAsOf: (streamName: string, asOf: AsOf) => Promise<LoadedAggregate<State>>;
  /** Saves `loaded` as the stream's snapshot, if there is a snapshot policy and a stream. */
  readonly saveSnapshot: (streamName: string, loaded: LoadedAggregate<State>) => Promise<void>;
}

/**
 * Loads aggregates by folding their decoded (and upcast) events, starting from the latest snapshot
 * when a snapshot policy is given.
 */
export const createAggregateLoader = <Event extends DomainEvent, State>(
  options: AggregateLoaderOptions<Event, State>,
): AggregateLoader<State> => {
  const { store, decider, eventCodec, upcasters, snapshots } = options;
  // A snapshot holds state folded from upcast events: a change of the upcaster chain makes the
  // old ones stale, so the chain's fingerprint is part of the version snapshots are kept under.
  const snapshotVersion =
    snapshots === undefined ? undefined : snapshotVersionOf(snapshots.stateVersion, upcasters);

  /** The latest usable snapshot; one that no longer decodes is ignored, since snapshots are a cache. */
  const latestSnapshot = async (
    streamName: string,
  ): Promise<{ readonly state: State; readonly revision: bigint } | undefined> => {
    if (snapshots === undefined || snapshotVersion === undefined) return undefined;
    const stored = await snapshots.store.load(streamName, snapshotVersion);
    if (stored === undefined) return undefined;
    const decoded = snapshots.stateCodec.decode(stored.state);
    return E.isRight(decoded) ? { state: decoded.right, revision: stored.revision } : undefined;
  };

  /** Folds the stream's events from `start`, decoding each through the aggregate's codec. */
  const fold = async (
    streamName: string,
    events: AsyncIterable<RecordedEvent>,
    start: LoadedAggregate<State>,
  ): Promise<LoadedAggregate<State>> => {
    let { state, revision } = start;
    for await (const stored of events) {
      const recorded = upcasters === undefined ? stored : upcasters.upcast(stored);
      const decoded = eventCodec.decode({ type: recorded.type, data: recorded.data });
      if (E.isLeft(decoded)) {
        throw new DecodeError(
          `stored event ${recorded.type} at ${streamName}@${recorded.streamRevision}`,
          decoded.left,
        );
      }
      state = decider.evolve(state, decoded.right);
      revision = recorded.streamRevision;
    }
    return { state, revision };
  };

  const initial: LoadedAggregate<State> = { state: decider.initialState, revision: NO_STREAM };

  const load = async (streamName: string): Promise<LoadedAggregate<State>> => {
    const snapshot = await latestSnapshot(streamName);
    if (snapshot === undefined) return fold(streamName, store.readStream(streamName), initial);
    return fold(
      streamName,
      store.readStream(streamName, { fromRevision: snapshot.revision + 1n }),
      snapshot,
    );
  };

  const loadAsOf = (streamName: string, asOf: AsOf): Promise<LoadedAggregate<State>> =>
    fold(streamName, eventsAsOf(store.readStream(streamName), asOf), initial);

  const saveSnapshot = async (
    streamName: string,
    loaded: LoadedAggregate<State>,
  ): Promise<void> => {
    if (snapshots === undefined || snapshotVersion === undefined || loaded.revision === NO_STREAM)
      return;
    await snapshots.store.save(streamName, snapshotVersion, {
      revision: loaded.revision,
      state: snapshots.stateCodec.encode(loaded.state),
    });
  };

  return { load, loadAsOf, saveSnapshot };
};
