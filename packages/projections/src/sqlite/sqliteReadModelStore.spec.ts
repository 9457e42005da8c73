import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { position } from '@clientele/eventstore';
import { afterAll, describe, expect, it } from 'vitest';
import { describeReadModelStoreContract } from '../testing/readModelStoreContract.js';
import { createSqliteReadModelStore } from './sqliteReadModelStore.js';

const directory = mkdtempSync(join(tmpdir(), 'clientele-read-models-'));
let files = 0;
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeReadModelStoreContract('sqlite file', async () =>
  createSqliteReadModelStore({ file: join(directory, `read-models-${(files += 1)}.sqlite`) }),
);
describeReadModelStoreContract('sqlite in memory', async () =>
  createSqliteReadModelStore({ file: ':memory:' }),
);

describe('SQLite read models sharing a file with another writer', () => {
  it('wait for the other connection to release the write lock instead of failing', async () => {
    const file = join(directory, 'locked.sqlite');
    const database = new Sqlite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 0');
    const store = createSqliteReadModelStore({ database });
    await store.createBuild({ name: 'p', build: '1.1' });
    const other = new Sqlite(file);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 150);
    await store.commit({
      documents: [
        { name: 'p', build: '1.1', document: { key: 'k', doc: 1, lastPosition: position(1n) } },
      ],
      checkpoints: [{ name: 'p', build: '1.1', position: position(1n) }],
    });
    expect((await store.getDocument({ name: 'p', build: '1.1' }, 'k'))?.doc).toBe(1);
    other.close();
    database.close();
  });
});
