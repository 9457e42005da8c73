import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

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
