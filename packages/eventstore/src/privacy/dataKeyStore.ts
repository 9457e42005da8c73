import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** A person's data key: 32 random bytes for AES-256-GCM, and its id. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Uint8Array;
}

/**
 * Where per-person data keys live: outside the event log, so destroying a key makes every copy of
 * that person's encrypted fields unreadable (crypto-shredding) while the log stays append-only.
 * Engines provide durable ones; plug a KMS behind the same interface.
 */
export interface DataKeyStore {
  /** The subject's current key, created on first use; undefined if the subject was forgotten. */
  keyForSubject(subjectId: string): Promise<DataKey | undefined>;
  /** A key by id, for decrypting; undefined once destroyed. */
  keyById(keyId: string): Promise<Uint8Array | undefined>;
  /** Destroys every key of the subject and remembers that the subject was forgotten. */
  forgetSubject(subjectId: string): Promise<void>;
  /** Whether the subject's keys were destroyed. */
  isForgotten(subjectId: string): Promise<boolean>;
}

/** Keys in memory: for tests and demos. Nothing survives the process. */
export const createInMemoryDataKeyStore = (): DataKeyStore => {
  const bySubject = new Map<string, DataKey>();
  const byId = new Map<string, { subjectId: string; key: Uint8Array }>();
  const forgotten = new Set<string>();
  return {
    keyForSubject: async (subjectId) => {
      if (forgotten.has(subjectId)) return undefined;
      const existing = bySubject.get(subjectId);
      if (existing !== undefined) return existing;
      const created: DataKey = { keyId: uuidv7(), key: new Uint8Array(randomBytes(32)) };
      bySubject.set(subjectId, created);
      byId.set(created.keyId, { subjectId, key: created.key });
      return created;
    },
    keyById: async (keyId) => byId.get(keyId)?.key,
    forgetSubject: async (subjectId) => {
      forgotten.add(subjectId);
      const key = bySubject.get(subjectId);
      if (key === undefined) return;
      key.key.fill(0);
      byId.delete(key.keyId);
      bySubject.delete(subjectId);
    },
    isForgotten: async (subjectId) => forgotten.has(subjectId),
  };
};
