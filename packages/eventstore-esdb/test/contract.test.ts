import { v7 as uuidv7 } from 'uuid';
import { describe } from 'vitest';
import { describeEventStoreContract } from '@clientele/eventstore/testing';
import { createEsdbEventStore } from '@clientele/eventstore-esdb';
import { namespacedStore } from './namespacedStore.js';

/** e.g. `esdb://localhost:2113?tls=false`; the suite needs a real server and runs only with one. */
const connectionString = process.env.CLIENTELE_ESDB_URL;

if (connectionString === undefined) {
  console.log(
    'Skipping the EventStoreDB contract suite: CLIENTELE_ESDB_URL is not set ' +
      '(start a server, e.g. `docker run -p 2113:2113 eventstore/eventstore --insecure --run-projections=All`, ' +
      'and set CLIENTELE_ESDB_URL=esdb://localhost:2113?tls=false).',
  );
}

describe.runIf(connectionString !== undefined)('EventStoreDB engine', () => {
  describeEventStoreContract('esdb', async () => {
    const store = createEsdbEventStore({ connectionString: connectionString ?? '' });
    return {
      store: namespacedStore(store, `T${uuidv7().replaceAll('-', '')}_`),
      // Events on an EventStoreDB server are never removed by a test; the namespace keeps
      // them apart from every other test's.
      dispose: () => store.close(),
    };
  });
});
