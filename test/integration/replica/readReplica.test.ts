import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSalesHistory } from '@clientele/domain/history';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { allReadModels, createProjectionRunner, waitForPosition } from '@clientele/projections';
import { createPostgresReadModelStore } from '@clientele/projections/postgres';
import { dumpActive } from '@clientele/projections/testing';
import { describeWhenAvailable } from '../../support/requireService.js';
import type { ThrowawayCluster } from '../../support/throwawayCluster.js';
import {
  clustersUnavailable,
  createCluster,
  createReplica,
} from '../../support/throwawayCluster.js';

const names = allReadModels.map((p) => p.name);

describeWhenAvailable('read models on a streaming replica', clustersUnavailable(), () => {
  let primary: ThrowawayCluster | undefined;
  let replica: ThrowawayCluster | undefined;
  beforeAll(() => {
    primary = createCluster(`clientele_primary_${process.pid}`, 5446);
    primary.start();
    replica = createReplica(primary, `clientele_replica_${process.pid}`, 5447);
  }, 240_000);
  afterAll(() => {
    replica?.drop();
    primary?.drop();
  }, 120_000);

  it('serve queries that wait for the replica to apply what the runner wrote on the primary', async () => {
    const pool = new pg.Pool({ connectionString: primary!.connectionString, max: 4 });
    const store = createPostgresEventStore({ pool, schema: 'crm_events' });
    const writes = createPostgresReadModelStore({ connection: pool, schema: 'crm_read' });
    const reads = createPostgresReadModelStore({
      connection: replica!.connectionString,
      schema: 'crm_read',
      readOnly: true,
    });
    const stop = new AbortController();
    try {
      const runner = createProjectionRunner({
        events: store,
        readModels: writes,
        projections: allReadModels,
      });
      const running = runner.run(stop.signal);
      await generateSalesHistory(store, 7, 60);
      const head = (await store.headPosition())!;
      expect(await waitForPosition(reads, head, { projections: names, timeoutMs: 30_000 })).toBe(
        true,
      );
      for (const name of names) {
        expect(await dumpActive(reads, name), name).toEqual(await dumpActive(writes, name));
      }
      await expect(reads.createBuild({ name: 'leads', build: '9.1' })).rejects.toThrow(/read-only/);
      stop.abort();
      await running;
    } finally {
      stop.abort();
      await reads.close();
      await store.close();
      await pool.end();
    }
  }, 120_000);
});
