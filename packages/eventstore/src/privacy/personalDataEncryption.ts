import type { EventToAppend, RecordedEvent } from '../envelope/envelope.js';
import type { DataSubjectKey } from '../envelope/metadata.js';
import type { EventStore, Subscription } from '../eventStore/eventStore.js';
import type { DataKeyStore } from './dataKeyStore.js';
import { jsonCopy } from '../inMemory/jsonCopy.js';
import { ERASED, decryptField, encryptField, isEncryptedField } from './fieldCipher.js';

/** One personal field of an event: where it is in `data`, and whose it is. */
export interface PersonalField {
  readonly path: readonly (string | number)[];
  readonly subjectId: string;
}

/**
 * Finds the personal fields of an event (the domain derives it from the `personal(...)` tags in
 * its codecs). Subject ids themselves are not personal: they stay readable so reports still add up.
 */
export type PersonalDataLocator = (type: string, data: unknown) => readonly PersonalField[];

const setAt = (root: unknown, path: readonly (string | number)[], value: unknown): void => {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
};

const getAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    root,
  );

/**
 * Wraps a store so personal fields are encrypted with their subject's key before they reach the
 * engine, and decrypted on every read. Once `keys.forgetSubject(id)` has destroyed a subject's
 * keys, their fields read as {@link ERASED} everywhere, from every engine, forever; the rest of each
 * event (ids, amounts, dates, regions) is untouched, so counts and money still add up.
 *
 * Put it outside `withHashChain`, so the chain covers the ciphertext and stays verifiable after an
 * erasure: `withPersonalDataEncryption(withHashChain(engine), …)`.
 */
export const withPersonalDataEncryption = (
  store: EventStore,
  options: { readonly keys: DataKeyStore; readonly locate: PersonalDataLocator },
): EventStore => {
  const { keys, locate } = options;

  const encrypt = async (event: EventToAppend): Promise<EventToAppend> => {
    const fields = locate(event.type, event.data).filter(
      (field) => getAt(event.data, field.path) !== undefined,
    );
    if (fields.length === 0) return event;
    const data = jsonCopy(event.data);
    const subjects = new Map<string, DataSubjectKey>();
    for (const field of fields) {
      const key = await keys.keyForSubject(field.subjectId);
      if (key === undefined) {
        setAt(data, field.path, ERASED);
        continue;
      }
      setAt(data, field.path, encryptField(getAt(data, field.path), key.key, key.keyId));
      subjects.set(field.subjectId, { subjectId: field.subjectId, keyId: key.keyId });
    }
    return { ...event, data, metadata: { ...event.metadata, subjects: [...subjects.values()] } };
  };

  const decryptValue = async (
    value: unknown,
    cache: Map<string, Uint8Array | undefined>,
  ): Promise<unknown> => {
    if (isEncryptedField(value)) {
      if (!cache.has(value.keyId)) cache.set(value.keyId, await keys.keyById(value.keyId));
      const key = cache.get(value.keyId);
      return key === undefined ? ERASED : decryptField(value, key);
    }
    if (Array.isArray(value)) return Promise.all(value.map((item) => decryptValue(item, cache)));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(
        Object.entries(value).map(
          async ([name, member]) => [name, await decryptValue(member, cache)] as const,
        ),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };

  const decrypt = async <T extends RecordedEvent>(event: T): Promise<T> =>
    event.metadata.subjects === undefined || event.metadata.subjects.length === 0
      ? event
      : { ...event, data: await decryptValue(event.data, new Map()) };

  async function* decrypted(events: AsyncIterable<RecordedEvent>) {
    for await (const event of events) yield await decrypt(event);
  }

  return {
    engineName: store.engineName,
    appendToStream: async (streamName, events, appendOptions) =>
      store.appendToStream(streamName, await Promise.all(events.map(encrypt)), appendOptions),
    readStream: (streamName, readOptions) => decrypted(store.readStream(streamName, readOptions)),
    readAll: (readOptions) => decrypted(store.readAll(readOptions)),
    subscribeToAll: (subscribeOptions) => {
      const inner = store.subscribeToAll(subscribeOptions);
      const subscription: Subscription = {
        async *[Symbol.asyncIterator]() {
          for await (const message of inner) {
            yield message.kind === 'event'
              ? { kind: 'event', event: await decrypt(message.event) }
              : message;
          }
        },
        stop: () => inner.stop(),
      };
      return subscription;
    },
    streamRevision: (streamName) => store.streamRevision(streamName),
    headPosition: () => store.headPosition(),
    findCommandResult: (commandId) => store.findCommandResult(commandId),
    close: () => store.close(),
  };
};
