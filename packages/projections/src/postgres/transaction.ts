import type pg from 'pg';

/** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
export const inTransaction = async <A>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<A>,
): Promise<A> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
