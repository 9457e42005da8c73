import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createCrmApp } from '../src/app.js';
import type { OpenedStores } from '../src/openStore.js';

/** A running service on a port of its own, and how to call it. */
export const startService = (stores: OpenedStores) => {
  const app = createCrmApp({
    ...stores,
    tenantId: 'acme',
    tenantKey: 'test-tenant-key',
    maxBodyBytes: 4096,
    reportFault: () => undefined,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  return {
    base: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
};

let keys = 0;
/** A fresh idempotency key. */
export const newKey = () => `0193c000-0000-7000-8000-${String((keys += 1)).padStart(12, '0')}`;
