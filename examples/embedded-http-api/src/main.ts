import { serve } from '@hono/node-server';
import { createCrmApp } from './app.js';
import { openStores } from './openStore.js';

const tenantKey = process.env['CLIENTELE_TENANT_KEY'];
if (tenantKey === undefined || tenantKey === '') {
  console.error('set CLIENTELE_TENANT_KEY: the secret that keys the duplicate checks');
  process.exit(2);
}
const stores = openStores({
  databaseUrl: process.env['DATABASE_URL'],
  schema: process.env['DATABASE_SCHEMA'],
  file: process.env['CLIENTELE_DB'],
});
const app = createCrmApp({
  ...stores,
  tenantId: process.env['CLIENTELE_TENANT'] ?? 'demo',
  tenantKey,
});
const port = Number(process.env['PORT'] ?? 3000);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const engine = stores.store.engineName;
  console.log(`CRM service on http://127.0.0.1:${info.port} (${engine}); API at /openapi.json`);
});
server.on('error', (error: Error) => {
  console.error(`cannot serve on 127.0.0.1:${port}: ${error.message}`);
  process.exitCode = 1;
  void stores.close();
});
const stop = () => server.close(() => void stores.close());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
