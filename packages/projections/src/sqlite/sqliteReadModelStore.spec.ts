import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeReadModelStoreContract } from '../testing/readModelStoreContract.js';
import { createSqliteReadModelStore } from './sqliteReadModelStore.js';

const directory = mkdtempSync(join(tmpdir(), 'clientele-read-models-'));
let files = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeReadModelStoreContract('sqlite file', async () =>
  createSqliteReadModelStore({ file: join(directory, `read-models-${(files += 1)}.sqlite`) }),
);
describeReadModelStoreContract('sqlite in memory', async () =>
  createSqliteReadModelStore({ file: ':memory:' }),
);
