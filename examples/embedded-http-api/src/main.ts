import { createInMemoryEventStore } from '@clientele/eventstore';
import { createCrmApp } from './app.js';

const port = Number(process.env['PORT'] ?? 3000);
const app = createCrmApp({
  store: createInMemoryEventStore(),
  tenantId: 'demo',
  tenantKey: process.env['CLIENTELE_TENANT_KEY'] ?? 'change-me-in-production',
});
app.listen(port, () => {
  console.log(
    `CRM service on http://localhost:${port}: POST /customers/commands, POST /leads/commands`,
  );
});
