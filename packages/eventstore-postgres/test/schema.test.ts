import { describe, expect, it } from 'vitest';
import { migrateSchema, quoteSchemaName } from '@clientele/eventstore-postgres';
import { usePostgres } from '../../../test/support/postgres.js';

const { available, pool, throwawaySchema } = await usePostgres({ maxConnections: 4 });

describe.runIf(available)('PostgreSQL schema migrations', () => {
  it('applies each migration once even when several servers start together', async () => {
    const schema = throwawaySchema();
    const applied = await Promise.all([1, 2, 3].map(() => migrateSchema(pool, schema)));
    expect(applied.filter((count) => count > 0)).toHaveLength(1);
    expect(await migrateSchema(pool, schema)).toBe(0);
    const { rows } = await pool.query(
      `select version from "${schema}".schema_migrations order by version`,
    );
    // Every migration of this release, in order (4 added the snapshots table).
    expect(rows.map((row: { version: number }) => row.version)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a schema name that would need quoting', () => {
    expect(() => quoteSchemaName('Sales; drop table x')).toThrow(RangeError);
    expect(quoteSchemaName('crm_events')).toBe('"crm_events"');
  });
});
