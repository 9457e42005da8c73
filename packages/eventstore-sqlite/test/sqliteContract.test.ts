import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract, describeTenantIsolation } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';

const onFile = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-sqlite-'));
  const store = createSqliteEventStore({ file: join(dir, 'store.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeEventStoreContract('sqlite (file)', onFile);
describeTenantIsolation('sqlite (file)', onFile);

describeEventStoreContract('sqlite (in memory)', async () => {
  const store = createSqliteEventStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
});
