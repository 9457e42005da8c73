import { describe, expect, it } from 'vitest';
import { createPostgresDataKeyStore, purgeErasedData } from '@clientele/eventstore-postgres';
import { usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 2 });

/**
 * Reading the server's files takes a superuser (or `pg_read_server_files` and `pg_checkpoint`),
 * as the local test server's `postgres` role is; a less privileged test role skips and says why.
 */
const canReadServerFiles = async (): Promise<boolean> => {
  if (!available) return false;
  const { rows } = await pool.query<{ allowed: boolean }>(
    `select rolsuper or (pg_has_role('pg_read_server_files', 'member')
       and pg_has_role('pg_checkpoint', 'member')) as allowed
     from pg_roles where rolname = current_user`,
  );
  if (rows[0]?.allowed !== true) {
    console.log(
      'Skipping the PostgreSQL raw-file erasure test: the role cannot read server files.',
    );
  }
  return rows[0]?.allowed === true;
};

/** The table's file on the server's disk, as it is after a checkpoint flushed the buffers. */
const tableFile = async (table: string): Promise<{ path: string; bytes: Buffer }> => {
  await pool.query('checkpoint');
  const { rows } = await pool.query<{ path: string }>(
    'select pg_relation_filepath($1::regclass) as path',
    [table],
  );
  const path = rows[0]!.path;
  return { path, bytes: await serverFile(path) };
};

/** A file under the data directory; empty if it was removed. */
const serverFile = async (path: string): Promise<Buffer> => {
  const { rows } = await pool.query<{ bytes: Buffer | null }>(
    'select pg_read_binary_file($1, 0, 1000000000, true) as bytes',
    [path],
  );
  return rows[0]?.bytes ?? Buffer.alloc(0);
};

describe.runIf(await canReadServerFiles())('erasure on PostgreSQL, down to the table files', () => {
  it('leaves no byte of a forgotten key in the key table’s files after VACUUM FULL', async () => {
    const schema = throwawaySchema();
    const keys = createPostgresDataKeyStore({ pool, schema });
    // Grace's row first: Ada's then sits below it in the page, where compacting the page on a
    // plain VACUUM would not overwrite it.
    const grace = Buffer.from((await keys.keyForSubject('person-grace'))!.key);
    const ada = Buffer.from((await keys.keyForSubject('person-ada'))!.key);
    const table = `"${schema}".data_keys`;
    const before = await tableFile(table);
    expect(before.bytes.includes(ada)).toBe(true);

    await keys.forgetSubject('person-ada');
    // The row is deleted but its bytes stay in the page until VACUUM FULL rewrites the table.
    expect((await tableFile(table)).bytes.includes(ada)).toBe(true);

    await purgeErasedData(pool, schema);
    const after = await tableFile(table);
    expect(after.path).not.toBe(before.path);
    expect(after.bytes.includes(ada)).toBe(false);
    expect((await serverFile(before.path)).includes(ada)).toBe(false);
    // The same search still finds the key that was not forgotten.
    expect(after.bytes.includes(grace)).toBe(true);
  });
});
