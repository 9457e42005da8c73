import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The test server: `CLIENTELE_PG_URL`, or the local one with trust authentication. */
export const connectionString =
  process.env.CLIENTELE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Whether the server answers. Unreachable without PostgreSQL: the tests are skipped and say why.
 * Unreachable under `CI=true`: a broken CI machine, so the run fails.
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
    console.log(`Skipping the PostgreSQL read-model tests: ${reason}.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** A throwaway schema name no other test uses. */
export const throwawaySchema = (): string =>
  `clientele_read_test_${randomUUID().replaceAll('-', '')}`;
