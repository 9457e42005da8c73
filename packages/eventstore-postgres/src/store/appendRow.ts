import { createHash } from 'node:crypto';
import type { AppendResult, CurrentRevision, EventToAppend } from '@clientele/eventstore';
import { position, stringifyJson } from '@clientele/eventstore';
import type { Queryable } from './queryable.js';

/** What `append_events` returns: one row, whatever the outcome. */
export interface AppendRow {
  readonly outcome: 'appended' | 'duplicate' | 'conflict';
  readonly actual_revision: string | null;
  readonly stream_name: string;
  readonly first_revision: string;
  readonly last_revision: string;
  readonly commit_position: string;
  readonly prepare_position: string;
  readonly event_ids: readonly string[];
}

/** A row of the `commands` table: the first result of a command id. */
export type CommandRow = Omit<AppendRow, 'outcome' | 'actual_revision'>;

/** Builds the port's result from a row of `append_events` or of the `commands` table. */
export const toAppendResult = (row: CommandRow) =>
  ({
    streamName: row.stream_name,
    firstRevision: BigInt(row.first_revision),
    nextExpectedRevision: BigInt(row.last_revision),
    position: position(BigInt(row.commit_position), BigInt(row.prepare_position)),
    eventIds: row.event_ids,
  }) satisfies Omit<AppendResult, 'duplicate'>;

/** What an append needs from its engine. */
export interface AppendContext {
  /** The pool, or the open group commit's connection. */
  readonly connection: () => Queryable;
  readonly schema: string;
  readonly retentionMilliseconds: number;
  readonly findCommandResult: (commandId: string) => Promise<AppendResult | undefined>;
  readonly streamRevision: (streamName: string) => Promise<CurrentRevision>;
}

/** A batch as the JSON array the SQL unpacks, with our JSON rules (bigints as strings). */
export const batchJson = (events: readonly EventToAppend[]): string =>
  stringifyJson(
    events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
  );

/** A prepared statement's name per schema; PostgreSQL allows 63 characters, a schema name 63. */
export const statementName = (kind: string, schema: string): string =>
  `clientele_${kind}_${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;
