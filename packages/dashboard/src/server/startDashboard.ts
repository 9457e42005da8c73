import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { DashboardData } from '../api/dashboardData.js';
import { createDashboardApp } from './createDashboardApp.js';
import { createLiveUpdates } from './liveUpdates.js';
import type { ActorSource } from './requestActor.js';

/** Options of {@link startDashboard}. */
export interface DashboardOptions extends ActorSource {
  readonly data: DashboardData;
  /** The port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** The built browser app; defaults to the one this package ships. */
  readonly appDirectory?: string;
  /** Told when following the log failed (the pages then stop updating). */
  readonly onFollowError?: (error: Error) => void;
}

/** A running dashboard. */
export interface RunningDashboard {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops following the log and closes the server. */
  close(): Promise<void>;
}

/** The browser app built beside this file (`dist/app`). */
export const BUILT_APP = fileURLToPath(new URL('../app/', import.meta.url));

/**
 * Starts the dashboard on 127.0.0.1 only, follows the log so open pages update when events
 * arrive, and resolves once it listens. A port in use rejects with the server's error.
 */
export const startDashboard = async (options: DashboardOptions): Promise<RunningDashboard> => {
  const live = createLiveUpdates();
  const app = createDashboardApp({
    ...options,
    live,
    appDirectory: options.appDirectory ?? BUILT_APP,
  });
  const following = new AbortController();
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const follower = options.data
    .follow(() => {
      live.changed();
    }, following.signal)
    .catch((error: unknown) =>
      options.onFollowError?.(error instanceof Error ? error : new Error(String(error))),
    );
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      following.abort();
      await follower;
      // Open event streams would keep the server waiting; they end with it.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
};
