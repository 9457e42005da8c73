import type pg from 'pg';
import type { PendingWait } from '@clientele/eventstore';
import { createAppendSignalWaiters } from '@clientele/eventstore';

/** Wakes subscriptions when events are appended, by this process or any other (LISTEN/NOTIFY). */
export interface AppendSignal {
  /** Tells listeners in every process that events were appended. */
  announce(): void;
  /**
   * Starts listening (if not already) and registers a wait that resolves on the next
   * announcement, after `timeoutMilliseconds` (the polling fallback), on abort, or when the
   * listening connection is lost (the caller re-reads, so nothing announced meanwhile is missed).
   * It is registered before this resolves, so the caller can look at the log without a race.
   */
  next(signal: AbortSignal, timeoutMilliseconds: number): Promise<PendingWait>;
  close(): Promise<void>;
}

/** The application name of the listening connection, so operators (and tests) can find it. */
export const LISTENER_APPLICATION_NAME = 'clientele-listener';

/**
 * One LISTEN connection per engine, taken from the pool and kept. Announcements are sent outside
 * the append's transaction: a NOTIFY inside it would take PostgreSQL's global notify lock until
 * commit and serialize every append. Each is its own small transaction, so they are coalesced:
 * one per `announceDelayMilliseconds` at most, covering every append in that window, committed
 * without waiting for the disk, since losing one only delays a subscriber until its next poll.
 */
export const createAppendSignal = (
  pool: pg.Pool,
  schema: string,
  announceDelayMilliseconds: number,
): AppendSignal => {
  const channel = `cl_${schema}`.slice(0, 63);
  const waiters = createAppendSignalWaiters();
  let listener: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let announcing: Promise<void> | undefined;
  let announceTimer: NodeJS.Timeout | undefined;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const wakeAll = (): void => {
    waiters.ring();
  };
  const dropListener = (client: pg.PoolClient, error?: Error): void => {
    if (listener !== client) return;
    listener = undefined;
    client.release(error ?? true);
    wakeAll();
    if (!closed) reconnectSoon(100);
  };
  // Reconnects at once rather than on the next wait: a subscriber busy with a page is not
  // waiting, and must find a listener when it is done. Retries with backoff while the server
  // is unreachable; waiters poll meanwhile.
  const reconnectSoon = (delay: number): void => {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      void ensureListening().then(() => {
        if (listener === undefined && !closed) reconnectSoon(Math.min(delay * 2, 5000));
        else wakeAll();
      });
    }, delay);
  };
  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', wakeAll);
    client.on('error', (error) => {
      dropListener(client, error);
    });
    client.on('end', () => {
      dropListener(client);
    });
    listener = client;
    try {
      await client.query(`set application_name = '${LISTENER_APPLICATION_NAME}'`);
      await client.query(`listen "${channel}"`);
    } catch (error) {
      dropListener(client, error instanceof Error ? error : undefined);
      throw error;
    }
    if (closed) dropListener(client);
  };
  const ensureListening = async (): Promise<void> => {
    if (listener !== undefined || closed) return;
    connecting ??= listen().finally(() => {
      connecting = undefined;
    });
    // Without a listener the waiters still poll, so a failed connection is not an error here.
    await connecting.catch(() => undefined);
  };
  const sendAnnouncement = async (): Promise<void> => {
    announceTimer = undefined;
    await pool
      .query(`select set_config('synchronous_commit', 'off', true), pg_notify($1, '')`, [channel])
      .catch(() => undefined);
  };

  return {
    announce() {
      if (closed || announceTimer !== undefined) return;
      announceTimer = setTimeout(() => {
        announcing = sendAnnouncement();
      }, announceDelayMilliseconds);
    },
    async next(signal, timeoutMilliseconds) {
      await ensureListening();
      return waiters.wait(signal, timeoutMilliseconds, closed);
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(announceTimer);
      await connecting?.catch(() => undefined);
      if (listener !== undefined) dropListener(listener);
      wakeAll();
      await announcing;
    },
  };
};
