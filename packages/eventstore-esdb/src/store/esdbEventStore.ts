import { EventStoreDBClient, StreamNotFoundError } from '@eventstore/db-client';
import type {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@clientele/eventstore';
import {
  ANY,
  NO_STREAM,
  createSubscriptionTracker,
  followLog,
  validateAppend,
} from '@clientele/eventstore';
import { appendOnce, readCommandState } from '../commands/commandLedger.js';
import { appendEvents, findAppended } from './append.js';
import { createAppendSignal } from './appendSignal.js';
import { createLogSource } from './logSource.js';
import { lastApplicationPosition, readAll } from './readAll.js';
import { readStream } from './readStream.js';

/** Options of {@link createEsdbEventStore}: a client you own, or a connection string. */
export type EsdbEventStoreOptions = (
  | { readonly client: EventStoreDBClient; readonly connectionString?: undefined }
  | { readonly connectionString: string; readonly client?: undefined }
) & {
  /** How long command ids are remembered (the command streams' `$maxAge`); defaults to 7 days. */
  readonly commandRetentionSeconds?: number;
  /** How long an unfinished command claim is respected before it is taken over; 10 s. */
  readonly claimTimeoutMilliseconds?: number;
  /** Longest a live subscription waits without a wake-up before reading; defaults to 1 s. */
  readonly pollMilliseconds?: number;
};

/**
 * The EventStoreDB/KurrentDB engine. Streams, revisions and the expected-revision constants map
 * one to one; our position is EventStoreDB's (commit, prepare); correlation and causation ids are
 * stored as `$correlationId`/`$causationId` so EventStoreDB's projections follow them; reads of
 * the log skip system events. Command ids are deduplicated through `ClienteleCommand-<id>`
 * streams (see `appendOnce` for the design and its limit).
 */
export const createEsdbEventStore = (options: EsdbEventStoreOptions): EventStore => {
  const ownsClient = options.client === undefined;
  const client =
    options.client === undefined
      ? EventStoreDBClient.connectionString(options.connectionString)
      : options.client;
  const subscriptions = createSubscriptionTracker();
  const ledger = {
    client,
    retentionSeconds: options.commandRetentionSeconds ?? 7 * 24 * 60 * 60,
    claimTimeoutMilliseconds: options.claimTimeoutMilliseconds ?? 10_000,
  };
  return {
    engineName: 'esdb',
    async appendToStream(streamName, events, appendOptions = {}) {
      validateAppend(streamName, events);
      const expected = appendOptions.expectedRevision ?? ANY;
      const append = () => appendEvents(client, streamName, events, expected);
      if (appendOptions.commandId === undefined) return append();
      const eventIds = events.map((event) => event.eventId);
      return appendOnce(
        ledger,
        appendOptions.commandId,
        { streamName, eventIds },
        { append, findWritten: () => findAppended(client, streamName, eventIds) },
      );
    },
    readStream: (streamName: string, readOptions: ReadStreamOptions = {}) =>
      readStream(client, streamName, readOptions),
    readAll: (readOptions: ReadAllOptions = {}) => readAll(client, readOptions),
    subscribeToAll(subscribeOptions: SubscribeToAllOptions = {}) {
      // Each subscription has its own append signal, filtered at the server like it.
      const appendSignal = createAppendSignal(client, subscribeOptions.filter);
      const source = createLogSource(
        client,
        appendSignal,
        subscribeOptions.filter,
        options.pollMilliseconds ?? 1000,
      );
      return subscriptions.track(followLog(source, subscribeOptions), () => appendSignal.close());
    },
    async streamRevision(streamName) {
      try {
        for await (const resolved of client.readStream(streamName, {
          direction: 'backwards',
          fromRevision: 'end',
          maxCount: 1,
        })) {
          if (resolved.event !== undefined) return resolved.event.revision;
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      return NO_STREAM;
    },
    headPosition: () => lastApplicationPosition(client),
    async findCommandResult(commandId) {
      const state = await readCommandState(client, commandId);
      return state.kind === 'completed' ? state.result : undefined;
    },
    async close() {
      await subscriptions.stopAll();
      if (ownsClient) await client.dispose();
    },
  };
};
