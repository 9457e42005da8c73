import type {
  AppendResult,
  CurrentRevision,
  EventToAppend,
  ReadStreamOptions,
  RecordedEvent,
} from '@clientele/eventstore';
import { NO_STREAM, frozenJsonCopy } from '@clientele/eventstore';
import { streamRange } from './readStream.js';

/** Most events the cache holds; past it, it forgets every stream and starts again. */
const MAX_CACHED_EVENTS = 20_000;
/** Most command ids it remembers; past it, it forgets them all and starts again. */
const MAX_CACHED_COMMANDS = 100_000;
/** The longest stream a read puts in the cache. */
export const MAX_CACHED_STREAM_LENGTH = 1_000;

/** How PostgreSQL writes a `uuid` back: a read returns an event id in this form only. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What an open group commit knows of the streams and command ids it read or wrote, so that the
 * handler's load, the hash chain's read of a stream's last event and both command-id look-ups do
 * not each cost a round trip. It holds only whole streams, exactly as a read would return them
 * (frozen), and every append still goes to the server, whose checks (expected revision, command
 * id) are the real ones: what the cache says is at worst stale, like any read before an append,
 * and a stale revision comes back as a conflict, which makes the cache forget the stream.
 */
export interface GroupCache {
  /** The events a read with these options returns, or undefined if the stream is not cached. */
  read(streamName: string, options: ReadStreamOptions): readonly RecordedEvent[] | undefined;
  /** The stream's revision, or undefined if it is not cached. */
  revision(streamName: string): CurrentRevision | undefined;
  /** Counts appends and forgotten streams: a read that saw it change must not be remembered. */
  changes(): number;
  /** Remembers a whole stream, as a read from its start just returned it (frozen events). */
  rememberStream(streamName: string, events: readonly RecordedEvent[]): void;
  /** Records a batch the group appended; `recordedAt` is the transaction's start. */
  appended(
    streamName: string,
    events: readonly EventToAppend[],
    result: AppendResult,
    recordedAt: string,
  ): void;
  forgetStream(streamName: string): void;
  /** What a command-id look-up returns (`result` undefined: not recorded), if the group knows. */
  command(commandId: string): { readonly result: AppendResult | undefined } | undefined;
  /** Remembers a look-up's answer, or (`recorded`) a command id the group's append recorded. */
  rememberCommand(commandId: string, result: AppendResult | undefined, recorded?: boolean): void;
  /**
   * The row counts a transaction's start should check, for the tables whose every row the group
   * still knows (undefined for the others): see {@link createGroupCache}.
   */
  expectedCounts(): TableCounts<number | undefined>;
  /** What a transaction's start counted (null where nothing was asked). */
  counted(counts: TableCounts<number | null>): void;
}

/** A count of the `commands` and `events` rows. */
export interface TableCounts<Count> {
  readonly commands: Count;
  readonly events: Count;
}

const NO_EVENTS: readonly RecordedEvent[] = Object.freeze([]);

/**
 * A read's event as the cache keeps and hands it out: a frozen deep copy. Every member is named in
 * one literal, as a read builds it: a spread would give each cached event a hidden class of its
 * own, and a fold over them would read every member through V8's slowest path.
 */
export const frozenEvent = (event: RecordedEvent): RecordedEvent =>
  Object.freeze({
    type: event.type,
    data: frozenJsonCopy(event.data),
    eventId: event.eventId,
    metadata: frozenJsonCopy(event.metadata),
    streamName: event.streamName,
    streamRevision: event.streamRevision,
    position: event.position,
    recordedAt: event.recordedAt,
  });

/** The events of a whole cached stream (revision n at index n) that a read's options select. */
const select = (
  events: readonly RecordedEvent[],
  options: ReadStreamOptions,
): readonly RecordedEvent[] => {
  const range = streamRange(options);
  if (range === undefined) return [];
  if (!range.backwards) {
    const first = Math.max(Number(range.from), 0);
    return events.slice(first, first + range.maxCount);
  }
  const top = Math.min(Number(range.from), events.length - 1);
  return events.slice(Math.max(top - range.maxCount + 1, 0), top + 1).reverse();
};

/**
 * A new, empty cache for one group. While the `commands` table holds only the ids the group
 * recorded (none when it began: the first import into a store), the group knows every id there
 * is and answers a look-up of any other "not recorded" without a round trip; while the `events`
 * table holds only the group's events, a stream it never wrote is empty without a read. Each
 * transaction's start counts both tables (at most one row past what the group expects) and stops
 * inferring for a table where rows of another writer show up, forgetting every "not recorded" it
 * knew. What another process writes between two counts is still caught by the append's own
 * checks (a command id as a duplicate, a stream as a conflict, after which the group stops
 * inferring empty streams): the same as when a read outside a group races that process.
 */
export const createGroupCache = (): GroupCache => {
  const streams = new Map<string, RecordedEvent[]>();
  const commands = new Map<string, AppendResult | undefined>();
  // The streams the group wrote: not empty, even when the cache forgot them.
  const written = new Set<string>();
  let knowsEveryCommand = true;
  let knowsEveryStream = true;
  // How many rows each table holds if only this group wrote there.
  let expectedCommands = 0;
  let expectedEvents = 0;
  let cachedEvents = 0;
  let changes = 0;
  const forgetStream = (streamName: string): void => {
    changes += 1;
    cachedEvents -= streams.get(streamName)?.length ?? 0;
    streams.delete(streamName);
  };
  const store = (streamName: string, events: RecordedEvent[]): void => {
    forgetStream(streamName);
    if (cachedEvents + events.length > MAX_CACHED_EVENTS) {
      streams.clear();
      cachedEvents = 0;
    }
    streams.set(streamName, events);
    cachedEvents += events.length;
  };
  const known = (streamName: string): readonly RecordedEvent[] | undefined =>
    streams.get(streamName) ??
    (knowsEveryStream && !written.has(streamName) ? NO_EVENTS : undefined);
  return {
    read: (streamName, options) => {
      const events = known(streamName);
      return events === undefined ? undefined : select(events, options);
    },
    revision: (streamName) => {
      const events = known(streamName);
      if (events === undefined) return undefined;
      return events.length === 0 ? NO_STREAM : BigInt(events.length - 1);
    },
    changes: () => changes,
    rememberStream: (streamName, events) => {
      const whole = events.every((event, index) => event.streamRevision === BigInt(index));
      if (whole && events.length <= MAX_CACHED_STREAM_LENGTH) store(streamName, [...events]);
    },
    appended: (streamName, events, result, recordedAt) => {
      written.add(streamName);
      expectedEvents += events.length;
      const before = streams.get(streamName) ?? (result.firstRevision === 0n ? [] : undefined);
      const event = events[0];
      // A batch's events have positions the result does not give one by one: read it back.
      if (
        before === undefined ||
        event === undefined ||
        events.length !== 1 ||
        BigInt(before.length) !== result.firstRevision ||
        !CANONICAL_UUID.test(event.eventId)
      ) {
        forgetStream(streamName);
        return;
      }
      const recorded = frozenEvent({
        type: event.type,
        eventId: event.eventId,
        data: event.data,
        metadata: event.metadata,
        streamName,
        streamRevision: result.firstRevision,
        position: result.position,
        recordedAt,
      });
      store(streamName, [...before, recorded]);
    },
    forgetStream: (streamName) => {
      // A conflict: the stream was not as the group thought, maybe written by another process.
      knowsEveryStream = false;
      forgetStream(streamName);
    },
    command: (commandId) =>
      commands.has(commandId) || knowsEveryCommand
        ? { result: commands.get(commandId) }
        : undefined,
    rememberCommand: (commandId, result, recorded = false) => {
      if (commands.size >= MAX_CACHED_COMMANDS) {
        commands.clear();
        knowsEveryCommand = false;
      }
      if (recorded && commands.get(commandId) === undefined) expectedCommands += 1;
      commands.set(
        commandId,
        result === undefined
          ? undefined
          : Object.freeze({
              ...result,
              eventIds: Object.freeze([...result.eventIds]),
              duplicate: false,
            }),
      );
    },
    expectedCounts: () => ({
      commands: knowsEveryCommand ? expectedCommands : undefined,
      events: knowsEveryStream ? expectedEvents : undefined,
    }),
    counted: (counts) => {
      if (counts.events !== null && counts.events !== expectedEvents) knowsEveryStream = false;
      if (counts.commands === null || counts.commands === expectedCommands) return;
      // Another writer recorded ids: every "not recorded" the group knew may be stale now.
      knowsEveryCommand = false;
      for (const [commandId, result] of commands)
        if (result === undefined) commands.delete(commandId);
    },
  };
};
