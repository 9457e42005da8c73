import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import type { StoreLocation } from './storeLocation.js';
import { DEFAULT_STORE, parseStoreLocation } from './storeLocation.js';

/** An opened store; a SQLite one also exposes its file's connection for the read models. */
export type OpenedStore =
  | { readonly engine: 'sqlite'; readonly store: SqliteEventStore }
  | { readonly engine: 'memory'; readonly store: EventStore };

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
      case 'postgres':
      case 'esdb':
        return E.left(
          `the ${location.engine} engine is not wired into the CLI in this release; use sqlite: or memory:`,
        );
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
