import pg from 'pg';
import type {
  AppendResult,
  CurrentRevision,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@clientele/eventstore';
import { NO_STREAM, createSubscriptionTracker, followLog } from '@clientele/eventstore';
import { rowsUnlessUnavailable, unlessUnavailable } from '../connection/connectionLoss.js';
import { migrateSchema } from '../schema/migrateSchema.js';
import { quoteSchemaName } from '../schema/schemaName.js';
import type { CommandRow } from './appendRow.js';
import { appendEvents } from './append.js';
import { toAppendResult } from './appendRow.js';
import { createAppendSignal } from './appendSignal.js';
import type { PostgresGroupCommitOptions } from './groupCommit.js';
import { createPostgresGroupCommit } from './groupCommit.js';
import { headPosition } from './headPosition.js';
import { createLogSource } from './logSource.js';
import { readAll } from './readAll.js';
import {
  commandThroughGroup,
  noteAppend,
  readThroughGroup,
  revisionThroughGroup,
} from './throughGroup.js';

/** Options of {@link createPostgresEventStore}: a pool you own, or a connection string. */
export type PostgresEventStoreOptions = (
  | { readonly pool: pg.Pool; readonly connectionString?: undefined }
  | { readonly connectionString: string; readonly pool?: undefined }
) & {
  /** The schema holding the store's tables, created and migrated on first use. */
  readonly schema: string;
  /** How long a command id is remembered for deduplication; defaults to 7 days. */
  readonly commandRetentionMilliseconds?: number;
  /** Events read per round trip; defaults to 500. */
  readonly pageSize?: number;
  /** Longest a live subscription waits without a notification before reading; defaults to 1 s. */
  readonly pollMilliseconds?: number;
  /**
   * How long an append's notification to subscribers is held so that it covers the appends that
   * follow it; defaults to 5 ms. Longer spares the server work under heavy writing, shorter
   * lowers the latency of live subscriptions.
   */
  readonly announceDelayMilliseconds?: number;
  /** Connections in the pool created from `connectionString`; defaults to 10. */
  readonly maxConnections?: number;
};

const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

/** The PostgreSQL engine: the `EventStore` port, plus group commit for bulk work. */
export interface PostgresEventStore extends EventStore {
  /**
   * Group commit (see `GroupCommitter` in `@clientele/eventstore`): the appends made while `work`
   * runs share one transaction on one connection, committed every `commandsPerCommit` commands
   * (default 500) at the `commandDone` calls and when `work` resolves; a rejection rolls back what
   * was not committed. Stream reads, stream revisions and command-id look-ups see the group's own
   * appends, and are served from what the group already read or wrote when they can (a stream
   * read whole or written from its start, a command id looked up or recorded), so a command
   * costs about one round trip per stream it touches first, plus its append; the global log (`readAll`, `headPosition`, subscriptions) shows them once committed.
   * Every caller in this process shares the group's connection meanwhile: keep other writers off
   * the store while a group is open. A concurrent writer in another process that takes a revision
   * the group wanted fails the group (a unique violation aborts its transaction) instead of
   * reporting a conflict: the commands since the last commit are rolled back, whole.
   */
  groupCommit<T>(
    work: (commandDone: () => Promise<void>) => Promise<T>,
    options?: PostgresGroupCommitOptions,
  ): Promise<T>;
}

/**
 * The PostgreSQL engine. An append is one round trip and one transaction; the global log is
 * read in (transaction id, sequence) order below the oldest running transaction, so no reader
 * ever skips an event a slower transaction commits later; subscriptions wake on LISTEN/NOTIFY
 * and poll as a fallback. The schema is created and migrated on first use. While the server
 * cannot be reached (a restart), every call fails with the retryable `StoreUnavailableError`
 * and subscriptions wait and resume where they were.
 */
export const createPostgresEventStore = (
  options: PostgresEventStoreOptions,
): PostgresEventStore => {
  const { schema } = options;
  quoteSchemaName(schema);
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  if (ownsPool) pool.on('error', () => undefined);
  const pageSize = options.pageSize ?? 500;
  const retentionMilliseconds = options.commandRetentionMilliseconds ?? 7 * DAY_MILLISECONDS;
  const signal = createAppendSignal(pool, schema, options.announceDelayMilliseconds ?? 5);
  const subscriptions = createSubscriptionTracker();
  const group = createPostgresGroupCommit(pool, schema, () => {
    signal.announce();
  });
  let ready: Promise<unknown> | undefined;
  const migrated = (): Promise<unknown> => {
    // Expired command records are dropped once per start; within a run, an expired id that
    // comes back overwrites its record in the append itself.
    ready ??= migrateSchema(pool, schema)
      .then(() =>
        pool.query(`delete from "${schema}".commands where recorded_at <= now() - $1::interval`, [
          `${retentionMilliseconds} milliseconds`,
        ]),
      )
      .catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
    return ready;
  };

  const findCommandResult = async (commandId: string): Promise<AppendResult | undefined> => {
    await unlessUnavailable(migrated);
    const { rows } = await group.connection().query<CommandRow>(
      `select * from "${schema}".commands
       where command_id = $1 and recorded_at > now() - $2::interval`,
      [commandId, `${retentionMilliseconds} milliseconds`],
    );
    const row = rows[0];
    return row === undefined ? undefined : { ...toAppendResult(row), duplicate: false };
  };

  const streamRevision = async (streamName: string): Promise<CurrentRevision> => {
    await unlessUnavailable(migrated);
    const { rows } = await group
      .connection()
      .query<{ revision: string | null }>(
        `select max(stream_revision) as revision from "${schema}".events where stream_name = $1`,
        [streamName],
      );
    const revision = rows[0]?.revision;
    return revision === undefined || revision === null ? NO_STREAM : BigInt(revision);
  };
  const appendContext = {
    connection: () => group.connection(),
    schema,
    retentionMilliseconds,
    findCommandResult,
    streamRevision,
  };

  return {
    engineName: 'postgres',
    async appendToStream(streamName, events, appendOptions = {}) {
      // One statement, one transaction: a lost connection leaves the whole batch or none of it.
      const result = await unlessUnavailable(async () => {
        await migrated();
        return appendEvents(appendContext, streamName, events, appendOptions);
      });
      noteAppend(group, { streamName, events, options: appendOptions }, result);
      // Inside a group the commit announces: subscribers must not hear of rows not yet committed.
      if (result._tag === 'Right' && !result.right.duplicate && !group.isOpen()) signal.announce();
      return result;
    },
    async *readStream(streamName: string, readOptions: ReadStreamOptions = {}) {
      await unlessUnavailable(migrated);
      yield* rowsUnlessUnavailable(
        readThroughGroup(group, { schema, pageSize }, streamName, readOptions),
      );
    },
    async *readAll(readOptions: ReadAllOptions = {}) {
      await unlessUnavailable(migrated);
      yield* rowsUnlessUnavailable(readAll(pool, schema, readOptions, pageSize));
    },
    subscribeToAll(subscribeOptions: SubscribeToAllOptions = {}) {
      const source = createLogSource(
        { pool, schema, signal, pollMilliseconds: options.pollMilliseconds ?? 1000 },
        subscribeOptions.filter,
      );
      const migratedSource = {
        readPage: (...args: Parameters<typeof source.readPage>) =>
          unlessUnavailable(async () => {
            await migrated();
            return source.readPage(...args);
          }),
        headPosition: () =>
          unlessUnavailable(async () => {
            await migrated();
            return source.headPosition();
          }),
        waitForAppend: (...args: Parameters<typeof source.waitForAppend>) =>
          unlessUnavailable(() => source.waitForAppend(...args)),
      };
      return subscriptions.track(followLog(migratedSource, { ...subscribeOptions, pageSize }));
    },
    streamRevision: (streamName) =>
      unlessUnavailable(() => revisionThroughGroup(group, streamName, streamRevision)),
    headPosition: () =>
      unlessUnavailable(async () => {
        await migrated();
        return headPosition(pool, schema);
      }),
    findCommandResult: (commandId) =>
      unlessUnavailable(() => commandThroughGroup(group, commandId, findCommandResult)),
    groupCommit: async (work, groupOptions) => {
      // The group's first statement reads the commands table: it must exist.
      await unlessUnavailable(migrated);
      return group.run(work, groupOptions);
    },
    async close() {
      await subscriptions.stopAll();
      await signal.close();
      if (ownsPool) await pool.end();
    },
  };
};
