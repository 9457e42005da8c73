import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { OpenedStore } from './engines/openedStore.js';
import type { StoreLocation } from './storeLocation.js';
import { DEFAULT_STORE, parseStoreLocation } from './storeLocation.js';

export type { OpenedStore } from './engines/openedStore.js';

/** Where the store comes from: `--store`, else `CLIENTELE_STORE`, else the default file. */
export const storeUrl = (
  flag: string | boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string => (typeof flag === 'string' ? flag : (env['CLIENTELE_STORE'] ?? DEFAULT_STORE));

/**
 * Opens the engine a location names; a failure says what to check. Each engine is imported only
 * here, when a location names it, so a command never loads a driver it does not use.
 */
export const openLocation = async (
  location: StoreLocation,
): Promise<E.Either<string, OpenedStore>> => {
  try {
    switch (location.engine) {
      case 'memory':
        return E.right((await import('./engines/memoryEngine.js')).openMemoryEngine());
      case 'sqlite':
        return E.right((await import('./engines/sqliteEngine.js')).openSqliteEngine(location.file));
      case 'postgres':
        return E.right(
          (await import('./engines/postgresEngine.js')).openPostgresEngine(
            location.connectionString,
          ),
        );
      case 'esdb':
        return E.right(
          (await import('./engines/esdbEngine.js')).openEsdbEngine(location.connectionString),
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
