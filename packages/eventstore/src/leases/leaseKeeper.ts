import { v4 as uuidv4 } from 'uuid';
import type { Fence, Lease, LeaseStore } from './lease.js';

/** How a runner takes part in an election: where the leases live and how long one lasts. */
export interface LeaseOptions {
  readonly leases: LeaseStore;
  /** Names this runner in the lease rows; defaults to a random id per runner. */
  readonly holder?: string;
  /**
   * How long a lease lasts without renewal, in milliseconds; defaults to 5,000. A standby takes
   * over at most this long (plus one retry interval, a third of it) after the holder dies or stalls.
   */
  readonly ttlMs?: number;
}

/** The default lease time to live: a dead or stalled runner is replaced within a few seconds. */
export const DEFAULT_LEASE_TTL_MS = 5_000;

/** Takes leases, renews them in the background, and says which are still safely held. */
export interface LeaseKeeper {
  readonly holder: string;
  /** How long a standby waits between attempts to take a lease: a third of the ttl. */
  readonly retryMs: number;
  /** Takes or extends the lease; undefined while another holder has it. */
  acquire(name: string): Promise<Lease | undefined>;
  /**
   * The fence of a lease held and renewed less than a ttl ago by this process's clock. After a
   * stall (a paused process, a long GC) it is undefined until a renewal succeeds again.
   */
  fence(name: string): Fence | undefined;
  /** Calls `listener` with a lease's name when a renewal finds it taken; returns an unsubscribe. */
  onLost(listener: (name: string) => void): () => void;
  /** Gives up every lease held, so a standby takes over without waiting for the ttl. */
  releaseAll(): Promise<void>;
}

interface Held {
  lease: Lease;
  renewedAt: number;
}

/** A {@link LeaseKeeper} over `options.leases`; renewals run every third of the ttl. */
export const createLeaseKeeper = (options: LeaseOptions): LeaseKeeper => {
  const { leases } = options;
  const holder = options.holder ?? uuidv4();
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  if (!Number.isInteger(ttlMs) || ttlMs < 3) {
    throw new RangeError(`lease ttlMs must be an integer of at least 3, got ${ttlMs}`);
  }
  const retryMs = Math.floor(ttlMs / 3);
  const held = new Map<string, Held>();
  const listeners = new Set<(name: string) => void>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const lose = (name: string): void => {
    held.delete(name);
    for (const listener of [...listeners]) listener(name);
  };
  const take = async (name: string): Promise<Lease | undefined> => {
    const startedAt = Date.now();
    const lease = await leases.acquire(name, holder, ttlMs);
    const previous = held.get(name);
    if (lease === undefined || (previous !== undefined && previous.lease.token !== lease.token)) {
      if (previous !== undefined) lose(name);
      return undefined;
    }
    // Counted from before the request: the lease may have been granted at any moment of it.
    held.set(name, { lease, renewedAt: startedAt });
    return lease;
  };
  const renewAll = async (): Promise<void> => {
    for (const name of [...held.keys()]) {
      // A failed renewal (a lost connection) keeps the entry; `fence` lapses on its own.
      await take(name).catch(() => undefined);
    }
    if (held.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    holder,
    retryMs,
    acquire: async (name) => {
      const lease = await take(name);
      if (lease !== undefined && timer === undefined) {
        timer = setInterval(() => void renewAll(), retryMs);
        timer.unref();
      }
      return lease;
    },
    fence: (name) => {
      const entry = held.get(name);
      if (entry === undefined || Date.now() - entry.renewedAt >= ttlMs) return undefined;
      return { lease: name, token: entry.lease.token };
    },
    onLost: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    releaseAll: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      const leasesHeld = [...held.values()].map((entry) => entry.lease);
      held.clear();
      for (const lease of leasesHeld) await leases.release(lease).catch(() => undefined);
    },
  };
};
