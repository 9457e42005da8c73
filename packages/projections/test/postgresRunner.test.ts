import pg from 'pg';
import { generateSalesHistory } from '@clientele/domain/history';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  allReadModels,
  createInMemoryReadModelStore,
  createProjectionRunner,
} from '@clientele/projections';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { dumpActive } from '@clientele/projections/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, probePostgres, uniqueSchema } from '../../../test/support/postgres.js';

const available = await probePostgres();
const pool = new pg.Pool({ connectionString, max: 4 });
const schema = uniqueSchema();
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe.runIf(available)('projection runner on PostgreSQL read models', () => {
  it('builds, in small batches and across a rebuild, the same read models as in memory', async () => {
    const events = createInMemoryEventStore();
    await generateSalesHistory(events, 11, 150);
    const readModels = createPostgresReadModelStore({ connection: pool, schema });
    const runner = createProjectionRunner({
      events,
      readModels,
      projections: allReadModels,
      batchSize: 37,
    });
    await runner.catchUp();
    await runner.rebuild(['deals']);
    const reference = createInMemoryReadModelStore();
    await createProjectionRunner({
      events,
      readModels: reference,
      projections: allReadModels,
    }).catchUp();
    for (const { name } of allReadModels) {
      expect(await dumpActive(readModels, name)).toEqual(await dumpActive(reference, name));
    }
    expect((await readModels.builds('deals')).map((b) => b.build)).toEqual(['1.2']);
    expect((await runner.status()).every((s) => s.lag === 0n)).toBe(true);
  });
});
