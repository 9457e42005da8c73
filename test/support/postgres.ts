import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, onTestFinished } from 'vitest';

/** The test server: `CLIENTELE_PG_URL`, or the local one the CI script starts. */
export const connectionString =
  process.env.CLIENTELE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Whether the server answers. Unreachable on a laptop without PostgreSQL: the tests are skipped
 * and say why. Unreachable under `CI=true`: that is a broken CI machine, so the run fails.
 */
export const probePostgres = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    const reason = `PostgreSQL at ${connectionString} is unreachable (${String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`);
    console.log(`Skipping these PostgreSQL tests: ${reason}.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** A throwaway schema name no other test uses (each test run gets its own). */
export const uniqueSchema = (): string => `clientele_test_${uuidv7().replaceAll('-', '')}`;

/** Drops a test schema and everything in it. */
export const dropSchema = async (pool: pg.Pool, schema: string): Promise<void> => {
  await pool.query(`drop schema if exists "${schema}" cascade`);
};

/** What a PostgreSQL test file shares: see {@link usePostgres}. */
export interface PostgresTestServer {
  /** Whether the server answers; run the file's tests with `describe.runIf(available)`. */
  readonly available: boolean;
  /** A pool on the test server, ended after the file's tests. */
  readonly pool: pg.Pool;
  /** A schema name no other test uses; the schema is dropped when the current test finishes. */
  throwawaySchema(): string;
  /** Closes `closable` when the current test finishes, before its schemas are dropped. */
  closeAfterTest<T extends { close(): Promise<void> }>(closable: T): T;
}

/**
 * The set-up every PostgreSQL test file repeats, in one place: probe the server (skip, or fail
 * under CI, when it is unreachable), open a pool ended after the file, and hand out throwaway
 * schemas and stores that are cleaned up when the test that asked for them finishes, failed or
 * not. Test-finished callbacks run in reverse order, so stores close before schemas drop.
 */
export const usePostgres = async (
  options: { readonly maxConnections?: number } = {},
): Promise<PostgresTestServer> => {
  const available = await probePostgres();
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 2 });
  afterAll(() => pool.end());
  return {
    available,
    pool,
    throwawaySchema: () => {
      const schema = uniqueSchema();
      onTestFinished(() => dropSchema(pool, schema));
      return schema;
    },
    closeAfterTest: (closable) => {
      onTestFinished(() => closable.close());
      return closable;
    },
  };
};
