import type { EventStore } from '@clientele/eventstore';
import {
  ANY,
  createAppendSignal,
  createSubscriptionTracker,
  followLog,
  validateAppend,
} from '@clientele/eventstore';
import type { AppendRequest } from './append.js';
import { appendInTransaction, currentRevision, findCommand, prepareAppend } from './append.js';
import { retryWhileBusy } from './busyRetry.js';
import { createSqliteGroupCommit } from './groupCommit.js';
import { prepareHeadPosition } from './headPosition.js';
import { createLogSource } from './logSource.js';
import type { SqliteEventStore, SqliteEventStoreOptions } from './options.js';
import { createLogReader } from './paging.js';
import { readAll } from './readAll.js';
import { readStream } from './readStream.js';
import { openDatabase } from '../schema/index.js';

const DAY_MS = 86_400_000;
const PRUNE_EVERY_APPENDS = 1_000;

/**
 * The embedded default engine: one SQLite file, nothing to start. Appends run in `BEGIN IMMEDIATE`
 * transactions, so two processes writing the same file cannot both win; reads page through the
 * file with prepared statements, so a million-event log is read in bounded memory; live
 * subscriptions see appends from this process at once and from other processes by polling.
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const db = openDatabase({
    file: options.file,
    durability: options.durability ?? 'normal',
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
  });
  const now = options.now ?? (() => new Date());
  const retentionMs = options.commandRetentionMs ?? 30 * DAY_MS;
  const reader = createLogReader(db, options.pageSize ?? 1_000);
  const head = prepareHeadPosition(db);
  // Appends by other processes ring nothing here: waiters read the head every poll interval.
  const appendSignal = createAppendSignal({
    head,
    pollMilliseconds: options.pollIntervalMs ?? 25,
  });
  const appendStatements = prepareAppend(db);
  const appendTransaction = db.transaction(appendInTransaction);
  const pruneStatement = db.prepare('DELETE FROM commands WHERE recorded_at < ?');
  const retainedSince = (at: Date): string => new Date(at.getTime() - retentionMs).toISOString();
  const pruneCommands = () => retryWhileBusy(() => pruneStatement.run(retainedSince(now())));
  // Records past retention are dropped on open and then every PRUNE_EVERY_APPENDS appends; until
  // then the retention cut-off in every lookup already ignores them.
  pruneStatement.run(retainedSince(now()));
  const subscriptions = createSubscriptionTracker();
  let appendsSincePrune = 0;
  const group = createSqliteGroupCommit(db, () => {
    appendSignal.ring();
  });

  const append: EventStore['appendToStream'] = async (streamName, events, appendOptions = {}) => {
    validateAppend(streamName, events);
    const recordedAt = now();
    const request: AppendRequest = {
      streamName,
      events,
      expected: appendOptions.expectedRevision ?? ANY,
      commandId: appendOptions.commandId,
      recordedAt: recordedAt.toISOString(),
      commandsRetainedSince: retainedSince(recordedAt),
    };
    const result = await retryWhileBusy(() =>
      appendTransaction.immediate(appendStatements, request),
    );
    if (result._tag === 'Right' && !result.right.duplicate) {
      // Inside a group commit the rows are not committed yet: the group wakes readers on commit.
      if (!group.isOpen()) appendSignal.ring();
      appendsSincePrune += 1;
      if (appendsSincePrune >= PRUNE_EVERY_APPENDS) {
        appendsSincePrune = 0;
        await pruneCommands();
      }
    }
    return result;
  };

  const subscribeToAll: EventStore['subscribeToAll'] = (subscribeOptions = {}) => {
    return subscriptions.track(
      followLog(createLogSource({ reader, head, appendSignal }, subscribeOptions.filter), {
        fromPosition: subscribeOptions.fromPosition,
      }),
    );
  };

  return {
    engineName: 'sqlite',
    database: db,
    appendToStream: append,
    readStream: (streamName, readOptions = {}) => readStream(reader, streamName, readOptions),
    readAll: (readOptions = {}) => readAll(reader, readOptions),
    subscribeToAll,
    streamRevision: async (streamName) => currentRevision(appendStatements, streamName),
    headPosition: async () => head(),
    findCommandResult: async (commandId) =>
      findCommand(appendStatements, commandId, retainedSince(now())),
    groupCommit: (work, groupOptions) => group.run(work, groupOptions),
    writeTransaction: (work) => retryWhileBusy(() => db.transaction(work).immediate(db)),
    close: async () => {
      await subscriptions.stopAll();
      appendSignal.close();
      if (db.open) db.close();
    },
  };
};
