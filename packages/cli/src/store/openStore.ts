import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { createEsdbEventStore } from '@clientele/eventstore-esdb';
import type { StoreLocation } from './storeLocation.js';
import { DEFAULT_STORE, parseStoreLocation } from './storeLocation.js';

/** An opened store, with what its read models need to live beside it. */
export type OpenedStore =
  | { readonly engine: 'sqlite'; readonly store: SqliteEventStore }
  | { readonly engine: 'memory' | 'esdb'; readonly store: EventStore }
  | {
      readonly engine: 'postgres';
      readonly store: EventStore;
      readonly connectionString: string;
      readonly schema: string;
    };

/** Splits `?schema=NAME` off a PostgreSQL URL (default schema `clientele`). */
const postgresSchema = (url: string): { connectionString: string; schema: string } => {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'clientele';
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
};

/** Where the store comes from: `--store`, else `CLIENTELE_STORE`, else the default file. */
export const storeUrl = (
  flag: string | boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string => (typeof flag === 'string' ? flag : (env['CLIENTELE_STORE'] ?? DEFAULT_STORE));

/** Opens the engine a location names; a failure says what to check. */
export const openLocation = async (
  location: StoreLocation,
): Promise<E.Either<string, OpenedStore>> => {
  try {
    switch (location.engine) {
      case 'memory':
        return E.right({ engine: 'memory', store: createInMemoryEventStore() });
      case 'sqlite':
        return E.right({
          engine: 'sqlite',
          store: createSqliteEventStore({ file: location.file }),
        });
      case 'postgres': {
        const { connectionString, schema } = postgresSchema(location.connectionString);
        const store = createPostgresEventStore({ connectionString, schema });
        return E.right({ engine: 'postgres', store, connectionString, schema });
      }
      case 'esdb':
        return E.right({
          engine: 'esdb',
          store: createEsdbEventStore({ connectionString: location.connectionString }),
        });
    }
  } catch (error) {
    return E.left(
      `cannot open the store: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

/** Parses and opens a store URL. */
export const openStore = async (
  url: string,
  cwd: string,
): Promise<E.Either<string, OpenedStore>> => {
  const location = parseStoreLocation(url, cwd);
  return E.isLeft(location) ? location : openLocation(location.right);
};

/** The SQLite file a store URL names, when it names one that does not exist (yet). */
export const missingSqliteFile = (url: string, cwd: string): string | undefined => {
  const location = parseStoreLocation(url, cwd);
  return E.isRight(location) &&
    location.right.engine === 'sqlite' &&
    !existsSync(location.right.file)
    ? location.right.file
    : undefined;
};

/** Whether a store URL names a SQLite file that does not exist (yet). */
export const isMissingSqliteFile = (url: string, cwd: string): boolean =>
  missingSqliteFile(url, cwd) !== undefined;

/**
 * Opens a store that must already exist: the read commands (report, audit, verify, export,
 * access, rebuild…) refuse a SQLite path with nothing there, rather than create an empty file
 * and print empty reports.
 */
export const openExistingStore = async (
  url: string,
  cwd: string,
): Promise<E.Either<string, OpenedStore>> => {
  const missing = missingSqliteFile(url, cwd);
  return missing === undefined
    ? openStore(url, cwd)
    : E.left(`no store at ${missing}; run clientele demo or clientele import to create one`);
};
