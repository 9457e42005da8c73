import type pg from 'pg';

const ignore = (): void => undefined;

/**
 * How long the server lets one of these transactions sit idle between two statements before it
 * ends the session. A commit's statements follow each other within milliseconds; only a stalled
 * process (paused, swapped out, frozen by a debugger) leaves one open that long. Without a bound
 * its locks would stay held: a runner paused inside a guarded commit keeps a share lock on its
 * lease row, and the standby's takeover would wait for it forever.
 */
export const STALLED_TRANSACTION_TIMEOUT_MS = 2_000;

/**
 * Runs `work` in one transaction on one pooled connection; rolls back when it throws. A
 * transaction left idle for {@link STALLED_TRANSACTION_TIMEOUT_MS} is ended by the server, so a
 * stalled process cannot hold locks indefinitely; when it wakes up its next statement fails with
 * the retryable `StoreUnavailableError` and nothing of the transaction is committed. While the
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
    // One round trip: the simple query protocol takes both statements at once.
    await client.query(
      `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${STALLED_TRANSACTION_TIMEOUT_MS}`,
    );
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
