import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { PeerEngine } from './peerEngine.js';
import type { WithEmmettStore } from './emmettPeer.js';
import { emmettPeer } from './emmettPeer.js';

/**
 * A throwaway database for each measurement: Emmett keeps its tables in the `public` schema of
 * the database it is given, with no schema option, so a database of its own keeps them apart
 * from Clientele's and from the next measurement's. Dropped (its connections ended) afterwards.
 */
const inThrowawayDatabase =
  (server: string): WithEmmettStore =>
  async (body) => {
    const database = `emmett_bench_${uuidv7().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(`create database "${database}"`);
      const url = new URL(server);
      url.pathname = `/${database}`;
      // One connection the bench owns: Emmett's own pool outlives its `close()`, and the forced
      // drop below would end its idle connections under it, an unhandled error event.
      const client = new pg.Client({ connectionString: url.toString() });
      client.on('error', () => undefined);
      await client.connect();
      const store = getPostgreSQLEventStore(url.toString(), {
        connectionOptions: { client, pooled: false },
      });
      try {
        return await body(store);
      } finally {
        await store.close();
        await client.end();
        await admin.query(`drop database if exists "${database}" with (force)`);
      }
    } finally {
      await admin.end();
    }
  };

/** Emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql`) on the bench's server. */
export const emmettPostgresPeer = (server: string): PeerEngine =>
  emmettPeer('emmett 0.42 (PostgreSQL)', inThrowawayDatabase(server));
