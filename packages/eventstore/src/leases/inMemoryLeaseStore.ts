import type { Fence, Lease, LeaseStore } from './lease.js';

/** Leases in a map, for one process: tests, and runners sharing an in-memory store. */
export interface InMemoryLeaseStore extends LeaseStore {
  /** Whether `fence` names the current token of its lease. */
  holds(fence: Fence): boolean;
}

interface Tenure {
  holder: string;
  token: bigint;
  expiresAt: number;
}

/** An in-memory {@link LeaseStore}; `now` (milliseconds) defaults to `Date.now`. */
export const createInMemoryLeaseStore = (now: () => number = Date.now): InMemoryLeaseStore => {
  const tenures = new Map<string, Tenure>();
  return {
    acquire: async (name, holder, ttlMs) => {
      const tenure = tenures.get(name);
      if (tenure !== undefined && tenure.holder !== holder && tenure.expiresAt > now()) {
        return undefined;
      }
      const token =
        tenure === undefined ? 1n : tenure.holder === holder ? tenure.token : tenure.token + 1n;
      tenures.set(name, { holder, token, expiresAt: now() + ttlMs });
      return { name, holder, token } satisfies Lease;
    },
    release: async (lease) => {
      const tenure = tenures.get(lease.name);
      if (tenure?.token === lease.token && tenure.holder === lease.holder) tenure.expiresAt = 0;
    },
    holds: (fence) => tenures.get(fence.lease)?.token === fence.token,
  };
};
