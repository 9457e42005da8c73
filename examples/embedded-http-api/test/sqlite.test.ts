import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStores } from '../src/openStore.js';
import { describeCrmApi } from './crmApiSuite.js';

const directory = mkdtempSync(join(tmpdir(), 'crm-http-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeCrmApi('SQLite', async () => openStores({ file: join(directory, 'crm.db') }));
