import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '../envelope/envelope.js';
import type { AsOf } from '../asOf/asOf.js';
import type { AppendResult, EventStore } from '../eventStore/eventStore.js';
import type { WrongExpectedRevision } from '../eventStore/wrongExpectedRevision.js';
import type { UpcasterRegistry } from '../upcasting/upcasterRegistry.js';
import type { CommandContext } from './commandContext.js';
import type { CommandOutcome, ConcurrencyConflict } from './commandOutcome.js';
import { appendedEvents, concurrencyConflict } from './commandOutcome.js';
import type { Decider, DomainEvent } from './decider.js';
import type { AuthorizationDenial, CommandAuthorizer } from './authorization.js';
import type { SnapshotPolicy } from '../snapshots/snapshotPolicy.js';
import { crossesSnapshotBoundary } from '../snapshots/snapshotPolicy.js';
import { NO_STREAM } from '../envelope/revision.js';
import type { CommandSpan } from '../telemetry/commandSpan.js';
import { startCommandSpan } from '../telemetry/commandSpan.js';
import type { LoadedAggregate } from './aggregateLoader.js';
export type { LoadedAggregate } from './aggregateLoader.js';
import { createAggregateLoader } from './aggregateLoader.js';
import { eventEnvelope } from './eventEnvelope.js';

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
 * append's result and writes nothing (the append itself checks the id, so a new command costs no
 * look-up). That holds under races too: after a conflict, a refusal, a denial or a decision with no
 * events, the handler asks the store whether another writer recorded the same command id, and
 * answers "done" (a duplicate) if so.
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

  const { load, loadAsOf, saveSnapshot } = createAggregateLoader(options);
  const { snapshots } = options;

  const envelope = (event: Event, context: CommandContext): EventToAppend =>
    eventEnvelope(eventCodec.encode(event), context, newEventId(), upcasters);

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

  /** The outcome of an append the store accepted: new events, or a duplicate's earlier ones. */
  const completed = async (
    streamName: string,
    loaded: LoadedAggregate<State>,
    events: readonly Event[],
    appended: AppendResult,
  ): Promise<CommandOutcome<Event, State>> => {
    const { duplicate, nextExpectedRevision } = appended;
    if (duplicate) {
      // The id may have been recorded on another stream: answer with the stream it wrote.
      const { state } = await load(appended.streamName);
      return {
        streamName: appended.streamName,
        events: [],
        appended: appendedEvents(appended, true),
        duplicate,
        state,
      };
    }
    const state = events.reduce(decider.evolve, loaded.state);
    const before = loaded.revision === NO_STREAM ? 0n : loaded.revision + 1n;
    if (
      snapshots !== undefined &&
      crossesSnapshotBoundary(snapshots.every, before, nextExpectedRevision + 1n)
    ) {
      await saveSnapshot(streamName, { state, revision: nextExpectedRevision });
    }
    return { streamName, events, appended: appendedEvents(appended, false), duplicate, state };
  };

  /** `answer`, unless the store recorded the command's id: then the first result, a duplicate. */
  const orRecorded = async (
    context: CommandContext,
    answer: E.Either<CommandFailure<DomainError>, CommandOutcome<Event, State>>,
  ): Promise<E.Either<CommandFailure<DomainError>, CommandOutcome<Event, State>>> => {
    const earlier = await recordedBefore(context.commandId);
    return earlier === undefined ? answer : E.right(earlier);
  };

  const handleTraced = async (
    command: Command,
    context: CommandContext,
    streamName: string,
    span: CommandSpan,
  ): Promise<E.Either<CommandFailure<DomainError>, CommandOutcome<Event, State>>> => {
    // A command id recorded before is not looked up first: the append checks it in its own
    // transaction and answers with the first result. Only an answer that appends nothing (a
    // refusal, no events, a conflict) asks the store whether the id was recorded, since the
    // recorded command's own events may be why (a retried request, or one racing its original).
    let lastConflict: WrongExpectedRevision | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const loaded = await span.step('load', () => load(streamName));
      const permitted = options.authorize(command, loaded.state, context);
      if (E.isLeft(permitted))
        return orRecorded(context, E.left({ kind: 'Forbidden', denial: permitted.left }));
      const decision = await span.step('decide', () => decider.decide(command, loaded.state));
      if (E.isLeft(decision))
        return orRecorded(context, E.left({ kind: 'Rejected', error: decision.left }));
      const events = decision.right;
      if (events.length === 0) {
        return orRecorded(
          context,
          E.right({
            streamName,
            events,
            appended: undefined,
            duplicate: false,
            state: loaded.state,
          }),
        );
      }
      const appended = await span.step('append', () =>
        store.appendToStream(
          streamName,
          events.map((event) => envelope(event, context)),
          { expectedRevision: loaded.revision, commandId: context.commandId },
        ),
      );
      if (E.isRight(appended))
        return E.right(await completed(streamName, loaded, events, appended.right));
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
