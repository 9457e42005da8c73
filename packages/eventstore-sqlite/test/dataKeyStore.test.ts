import { describeDataKeyStoreContract } from '@clientele/eventstore/testing';
import { createSqliteDataKeyStore, createSqliteEventStore } from '@clientele/eventstore-sqlite';
import type { SqliteEventStore } from '@clientele/eventstore-sqlite';
import { tempStoreFile } from './support/childScripts.js';

describeDataKeyStoreContract('sqlite', async () => {
  const { file, remove } = tempStoreFile();
  const opened: SqliteEventStore[] = [createSqliteEventStore({ file })];
  return {
    keys: createSqliteDataKeyStore({ database: opened[0]!.database }),
    // A second connection to the file, as another process or a restart would open it.
    reopen: async () => {
      const store = createSqliteEventStore({ file });
      opened.push(store);
      return createSqliteDataKeyStore(store);
    },
    dispose: async () => {
      await Promise.all(opened.map((store) => store.close()));
      remove();
    },
  };
});
