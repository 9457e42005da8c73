import { describe, expect, it } from 'vitest';
import { emmettPostgresPeer } from '../src/peers/emmettPostgres.js';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, pool } = await usePostgres();

const throwawayDatabases = async (): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(
    `select count(*) as n from pg_database where datname like 'emmett\\_bench\\_%'`,
  );
  return Number(rows[0]?.n);
};

describe.runIf(available)('the Emmett PostgreSQL peer', () => {
  it('runs W1, W2 and W6 on Emmett’s PostgreSQL store and drops its throwaway databases', async () => {
    const before = await throwawayDatabases();
    const peer = emmettPostgresPeer(connectionString);
    expect(await peer.appends(20, 4)).toHaveLength(20);
    expect(await peer.rehydrations(30, 2)).toHaveLength(2);
    expect(await peer.commands?.(20, 4)).toHaveLength(20);
    expect(await throwawayDatabases()).toBe(before);
  });
});
