import type pg from 'pg';

/**
 * The visibility fence of the global log, as SQL: only events of transactions older than the
 * oldest transaction still running are read. No transaction can later commit below that line,
 * so a reader that has seen the log up to a position never finds an event appear before it.
 */
export const FENCE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * Waits (up to `patienceMilliseconds`) until every committed event is below the fence, so a read
 * that follows sees the writer's own appends. The fence lags only while an older transaction in
 * the database is still open; appends are single statements, so that is normally a millisecond.
 * After the wait the read goes ahead anyway: it is never wrong, only possibly not the newest.
 */
export const settleLog = async (
  pool: pg.Pool,
  schema: string,
  patienceMilliseconds = 500,
): Promise<void> => {
  const deadline = Date.now() + patienceMilliseconds;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    const { rows } = await pool.query<{ hidden: boolean }>(
      `select exists (select 1 from "${schema}".events
         where transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) as hidden`,
    );
    if (rows[0]?.hidden !== true || Date.now() >= deadline) return;
    await sleep(pause);
  }
};
