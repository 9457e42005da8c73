import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSchema, quoteSchemaName } from '@clientele/eventstore-postgres';
import {
  connectionString,
  dropSchema,
  probePostgres,
  uniqueSchema,
} from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
afterAll(() => pool.end());

describe.runIf(available)('PostgreSQL schema migrations', () => {
  it('applies each migration once even when several servers start together', async () => {
    const schema = uniqueSchema();
    try {
      const applied = await Promise.all([1, 2, 3].map(() => migrateSchema(pool, schema)));
      expect(applied.filter((count) => count > 0)).toHaveLength(1);
      expect(await migrateSchema(pool, schema)).toBe(0);
      const { rows } = await pool.query(
        `select version from "${schema}".schema_migrations order by version`,
      );
      // Every migration of this release, in order (4 added the snapshots table).
      expect(rows.map((row: { version: number }) => row.version)).toEqual([1, 2, 3, 4]);
    } finally {
      await dropSchema(pool, schema);
    }
  });

  it('refuses a schema name that would need quoting', () => {
    expect(() => quoteSchemaName('Sales; drop table x')).toThrow(RangeError);
    expect(quoteSchemaName('crm_events')).toBe('"crm_events"');
  });
});
