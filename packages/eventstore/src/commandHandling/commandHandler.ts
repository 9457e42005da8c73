import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { AsOf } from '../asOf/asOf.js';
import { eventsAsOf } from '../asOf/asOf.js';
import type { CurrentRevision } from '../envelope/revision.js';
import type { EventStore } from '../eventStore/eventStore.js';
import type { WrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import type { UpcasterRegistry } from '../upcasting/upcasterRegistry.js';
import type { CommandContext } from './commandContext.js';
import type { CommandOutcome, ConcurrencyConflict } from './commandOutcome.js';
import { appendedEvents, concurrencyConflict } from './commandOutcome.js';
import type { Decider, DomainEvent } from './decider.js';
import type { AuthorizationDenial, CommandAuthorizer } from './authorization.js';
import type { SnapshotPolicy } from '../snapshots/snapshotPolicy.js';
import {
  crossesSnapshotBoundary,
  snapshotVersion as snapshotVersionOf,
} from '../snapshots/snapshotPolicy.js';
import { DecodeError } from '../envelope/decodeErrors.js';
import { NO_STREAM } from '../envelope/revision.js';
import type { CommandSpan } from '../telemetry/commandSpan.js';
import { startCommandSpan } from '../telemetry/commandSpan.js';

/** Why a command appended nothing. */
export type CommandFailure<DomainError> =
  /** The decider refused the command: a business rule. */
  | { readonly kind: 'Rejected'; readonly error: DomainError }
  /** The actor may not do this: nothing was decided or appended. */
  | { readonly kind: 'Forbidden'; readonly denial: AuthorizationDenial }
  /** Other writers kept changing the stream; every attempt met a conflict. */
  | {
      readonly kind: 'Conflict';
      readonly conflict: ConcurrencyConflict;
      readonly attempts: number;
    };

/** An aggregate's state as loaded from its stream. */
export interface LoadedAggregate<State> {
  readonly state: State;
  readonly revision: CurrentRevision;
}

/** Options of {@link createCommandHandler}. */
export interface CommandHandlerOptions<Command, Event extends DomainEvent, State, DomainError> {
  readonly store: EventStore;
  readonly decider: Decider<Command, Event, State, DomainError>;
  /** Decodes stored `{ type, data }` into domain events and encodes them for storage. */
  readonly eventCodec: t.Type<Event, DomainEvent>;
  /** The stream a command is about, `Category-<id>`. */
  readonly streamName: (command: Command) => string;
  /** Applied to stored events before they are decoded; also sets the version new events get. */
  readonly upcasters?: UpcasterRegistry | undefined;
  /** Attempts before a conflict is returned; defaults to 5. */
  readonly maxAttempts?: number | undefined;
  /**
   * Checked after the aggregate is loaded and before `decide`, on every attempt: the actor in the
   * context may or may not issue this command against this state (ownership lives in the state).
   * Required: a handler nobody authorizes cannot be built. Trusted system work passes
   * `trustedSystemWork()` and acts as a `systemActor` with a stated reason.
   */
  readonly authorize: CommandAuthorizer<Command, State>;
  /** Snapshots: loading reads the latest snapshot and only the events after it. */
  readonly snapshots?: SnapshotPolicy<State> | undefined;
  /** Event id generator; defaults to uuid v7. */
  readonly newEventId?: (() => string) | undefined;
}

/** The fault raised when a command handler (and so an entry point) is built without `authorize`. */
export const MISSING_AUTHORIZER =
  'a command handler needs an authorize option: a role authorizer for users, or trustedSystemWork() for system work';

/** Loads, decides and appends commands for one kind of aggregate. */
export interface CommandHandler<Command, Event extends DomainEvent, State, DomainError> {
  handle(
    command: Command,
    context: CommandContext,
  ): Promise<E.Either<CommandFailure<DomainError>, CommandOutcome<Event, State>>>;
  load(streamName: string): Promise<LoadedAggregate<State>>;
  /**
   * The aggregate's state as of a moment, in either meaning (see {@link AsOf}): for auditors.
   * Snapshots are not used, since they may hold later events.
   */
  loadAsOf(streamName: string, asOf: AsOf): Promise<LoadedAggregate<State>>;
  /** Saves a snapshot of the stream now (on demand), if the handler has a snapshot policy. */
  snapshot(streamName: string): Promise<LoadedAggregate<State>>;
}

/**
 * The write path: load the aggregate's events, fold them into state, `decide`, and append the new
 * events with the loaded revision as the expected revision. On a conflict it reloads and decides
 * again, up to `maxAttempts` times. It is idempotent by `commandId`: the engine records the id in
 * the same transaction as the append, and a command whose id was already handled returns the first
 * append's result and writes nothing. That holds under races too: after a conflict or a refusal, the
 * handler first asks the store whether another writer recorded the same command id, and answers
 * "done" (a duplicate) if so.
 */
export const createCommandHandler = <Command, Event extends DomainEvent, State, DomainError>(
  options: CommandHandlerOptions<Command, Event, State, DomainError>,
): CommandHandler<Command, Event, State, DomainError> => {
  // The type requires it; this catches callers from plain JavaScript or through a cast, so an
  // entry point built without one fails when it is built, not by letting every command through.
  if (typeof (options as { readonly authorize?: unknown }).authorize !== 'function') {
    throw new TypeError(MISSING_AUTHORIZER);
  }
  const { store, decider, eventCodec, upcasters } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const newEventId = options.newEventId ?? (() => uuidv7());

  const { snapshots } = options;
  // A snapshot holds state folded from upcast events: a change of the upcaster chain makes the
  // old ones stale, so the chain's fingerprint is part of the version snapshots are kept under.
  const snapshotVersion =
    snapshots === undefined ? undefined : snapshotVersionOf(snapshots.stateVersion, upcasters);

  /** The latest usable snapshot; one that no longer decodes is ignored, since snapshots are a cache. */
  const latestSnapshot = async (
    streamName: string,
  ): Promise<{ readonly state: State; readonly revision: bigint } | undefined> => {
    const stored =
      snapshotVersion === undefined
        ? undefined
        : await snapshots?.store.load(streamName, snapshotVersion);
    if (snapshots === undefined || stored === undefined) return undefined;
    const decoded = snapshots.stateCodec.decode(stored.state);
    return E.isRight(decoded) ? { state: decoded.right, revision: stored.revision } : undefined;
  };

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

  /** Folds the stream's events from `start`, decoding each through the aggregate's codec. */
  const fold = async (
    streamName: string,
    events: AsyncIterable<RecordedEvent>,
    start: { readonly state: State; readonly revision: CurrentRevision },
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

  const load = async (streamName: string): Promise<LoadedAggregate<State>> => {
    const snapshot = await latestSnapshot(streamName);
    if (snapshot === undefined) {
      return fold(streamName, store.readStream(streamName), {
        state: decider.initialState,
        revision: NO_STREAM,
      });
    }
    return fold(
      streamName,
      store.readStream(streamName, { fromRevision: snapshot.revision + 1n }),
      snapshot,
    );
  };

  const loadAsOf = (streamName: string, asOf: AsOf): Promise<LoadedAggregate<State>> =>
    fold(streamName, eventsAsOf(store.readStream(streamName), asOf), {
      state: decider.initialState,
      revision: NO_STREAM,
    });

  const envelope = (event: Event, context: CommandContext): EventToAppend => {
    const encoded = eventCodec.encode(event);
    return {
      type: encoded.type,
      data: encoded.data,
      eventId: newEventId(),
      metadata: {
        occurredAt: context.occurredAt,
        actor: context.actor,
        correlationId: context.correlationId ?? context.commandId,
        causationId: context.causationId ?? null,
        commandId: context.commandId,
        schemaVersion: upcasters?.currentVersion(encoded.type) ?? 1,
        ...(context.tenantId === undefined ? {} : { tenantId: context.tenantId }),
        ...(context.how === undefined ? {} : { how: context.how }),
      },
    };
  };

  /** The outcome of a command id the store already recorded, as a duplicate; else undefined. */
  const recordedBefore = async (
    commandId: string,
  ): Promise<CommandOutcome<Event, State> | undefined> => {
    const earlier = await store.findCommandResult(commandId);
    if (earlier === undefined) return undefined;
    const { state } = await load(earlier.streamName);
    return {
      streamName: earlier.streamName,
      events: [],
      appended: appendedEvents(earlier, true),
      duplicate: true,
      state,
    };
  };

  const handleTraced = async (
    command: Command,
    context: CommandContext,
    streamName: string,
    span: CommandSpan,
  ): Promise<E.Either<CommandFailure<DomainError>, CommandOutcome<Event, State>>> => {
    const earlier = await recordedBefore(context.commandId);
    if (earlier !== undefined) return E.right(earlier);
    let lastConflict: WrongExpectedRevision | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const loaded = await span.step('load', () => load(streamName));
      const permitted = options.authorize(command, loaded.state, context);
      if (E.isLeft(permitted)) return E.left({ kind: 'Forbidden', denial: permitted.left });
      const decision = await span.step('decide', () => decider.decide(command, loaded.state));
      if (E.isLeft(decision)) {
        // Another writer may have recorded this very command between the first check and the
        // load (a retried request racing its original): its events are why the decider refuses.
        const racing = await recordedBefore(context.commandId);
        return racing === undefined
          ? E.left({ kind: 'Rejected', error: decision.left })
          : E.right(racing);
      }
      const events = decision.right;
      if (events.length === 0) {
        return E.right({
          streamName,
          events,
          appended: undefined,
          duplicate: false,
          state: loaded.state,
        });
      }
      const appended = await span.step('append', () =>
        store.appendToStream(
          streamName,
          events.map((event) => envelope(event, context)),
          { expectedRevision: loaded.revision, commandId: context.commandId },
        ),
      );
      if (E.isRight(appended)) {
        const duplicate = appended.right.duplicate;
        const state = duplicate
          ? (await load(streamName)).state
          : events.reduce(decider.evolve, loaded.state);
        const before = loaded.revision === NO_STREAM ? 0n : loaded.revision + 1n;
        const after = appended.right.nextExpectedRevision + 1n;
        if (
          !duplicate &&
          snapshots !== undefined &&
          crossesSnapshotBoundary(snapshots.every, before, after)
        ) {
          await saveSnapshot(streamName, { state, revision: appended.right.nextExpectedRevision });
        }
        return E.right({
          streamName,
          events: duplicate ? [] : events,
          appended: appendedEvents(appended.right, duplicate),
          duplicate,
          state,
        });
      }
      lastConflict = appended.left;
      span.conflict(attempt < maxAttempts);
      // Ask before deciding again: if the conflicting writer recorded this command id, it is done.
      const racing = await recordedBefore(context.commandId);
      if (racing !== undefined) return E.right(racing);
    }
    return E.left({
      kind: 'Conflict',
      conflict: concurrencyConflict(lastConflict as WrongExpectedRevision),
      attempts: maxAttempts,
    });
  };

  const handle: CommandHandler<Command, Event, State, DomainError>['handle'] = async (
    command,
    context,
  ) => {
    const streamName = options.streamName(command);
    const span = startCommandSpan(streamName, context, store.engineName);
    try {
      const result = await handleTraced(command, context, streamName, span);
      span.end(E.isLeft(result) ? result.left.kind : result.right.duplicate ? 'Duplicate' : 'Done');
      return result;
    } catch (error) {
      span.fail(error);
      throw error;
    }
  };

  const snapshot = async (streamName: string): Promise<LoadedAggregate<State>> => {
    const loaded = await load(streamName);
    await saveSnapshot(streamName, loaded);
    return loaded;
  };

  return { handle, load, loadAsOf, snapshot };
};
