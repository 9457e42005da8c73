import type pg from 'pg';

const ignore = (): void => undefined;

/**
 * Runs `work` in one transaction on one pooled connection; rolls back when it throws. While the
 * connection is checked out the pool does not listen to it, so a server that goes away between
 * two statements would raise an uncaught error event; it is ignored here, and the statement that
 * fails reports it instead.
 */
export const inTransaction = async <A>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<A>,
): Promise<A> => {
  const client = await pool.connect();
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(ignore);
    throw error;
  } finally {
    client.off('error', ignore);
    // A connection that broke is dropped by the pool rather than handed out again.
    client.release();
  }
};
