import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createSqliteReadModelStore } from '../sqlite/sqliteReadModelStore.js';
import { createInMemoryReadModelStore } from '../store/inMemoryReadModelStore.js';
import { describeReadAuthorization } from '../testing/readAuthorizationSuite.js';

const directory = mkdtempSync(join(tmpdir(), 'clientele-read-authorization-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeReadAuthorization('memory', async () => createInMemoryReadModelStore());
describeReadAuthorization('sqlite', async () =>
  createSqliteReadModelStore({ file: join(directory, 'read-models.sqlite') }),
);
