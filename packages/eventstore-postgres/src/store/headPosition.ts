import type pg from 'pg';
import type { Position } from '@clientele/eventstore';
import { rowPosition } from './eventRow.js';
import { FENCE, settleLog } from './logFence.js';

/** The last position below the fence, after letting appends that just committed settle. */
export const headPosition = async (
  pool: pg.Pool,
  schema: string,
): Promise<Position | undefined> => {
  await settleLog(pool, schema);
  const { rows } = await pool.query<{ transaction_text: string; position: string }>(
    `select transaction_id::text as transaction_text, position from "${schema}".events
     where ${FENCE} order by transaction_id desc, position desc limit 1`,
  );
  const row = rows[0];
  return row === undefined ? undefined : rowPosition(row);
};
