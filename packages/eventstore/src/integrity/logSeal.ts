import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '../eventStore/eventStore.js';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { Actor } from '../envelope/metadata.js';
import type { Signer } from './signer.js';
import { NO_STREAM } from '../envelope/revision.js';
import { comparePositions, parsePosition, positionToString } from '../envelope/position.js';
import { DecodeError } from '../envelope/decodeErrors.js';
import { canonicalJson } from './canonicalJson.js';

/** The stream seals are kept in. */
export const SEAL_STREAM = 'Seal-log';
/** The event type of a seal. */
export const LOG_SEALED = 'LogSealed';

/** The running hash of an empty log. */
export const EMPTY_LOG_HASH = '0'.repeat(64);

/** Folds one event's chain value into the running hash over the whole log. */
export const nextLogHash = (logHash: string, chain: string): string =>
  createHash('sha256').update(`${logHash}:${chain}`, 'utf8').digest('hex');

/**
 * A signed statement about the log: "up to `position` it held `count` events whose running hash
 * is `logHash`". Kept in the `Seal-log` stream and exportable, so an auditor can keep the latest
 * one outside the system and later prove that nothing before it was deleted, inserted, reordered
 * or rewritten.
 */
export const LogSeal = t.type({
  position: t.string,
  count: t.string,
  logHash: t.string,
  keyId: t.string,
  signature: t.string,
});
/** A signed statement about the log up to a position. */
export type LogSeal = t.TypeOf<typeof LogSeal>;

/** The exact text a seal's signature covers. */
export const sealMessage = (seal: Pick<LogSeal, 'position' | 'count' | 'logHash'>): string =>
  canonicalJson({ count: seal.count, logHash: seal.logHash, position: seal.position });

/** The seals recorded in the store, oldest first, decoded. */
export const readSeals = async (store: EventStore): Promise<LogSeal[]> => {
  const seals: LogSeal[] = [];
  for await (const event of store.readStream(SEAL_STREAM)) {
    const decoded = LogSeal.decode(event.data);
    if (E.isLeft(decoded))
      throw new DecodeError(`seal ${SEAL_STREAM}@${event.streamRevision}`, decoded.left);
    seals.push(decoded.right);
  }
  return seals;
};

/** Where sealing resumes: after the last seal, from its count and running hash. */
interface SealStart {
  readonly logHash: string;
  readonly count: bigint;
  readonly position: string | undefined;
  readonly from: Position | undefined;
}

const startAfter = (last: LogSeal | undefined): SealStart => {
  if (last === undefined) {
    return { logHash: EMPTY_LOG_HASH, count: 0n, position: undefined, from: undefined };
  }
  const from = parsePosition(last.position);
  if (E.isLeft(from)) throw new Error(`the last seal's position is corrupt: ${from.left}`);
  const { logHash, count, position } = last;
  return { logHash, count: BigInt(count), position, from: from.right };
};

/** The event's hash-chain value, which the seal folds: an event without one cannot be sealed. */
const chainToSeal = (event: RecordedEvent): string => {
  const chain = event.metadata.chain;
  if (chain === undefined) {
    throw new Error(
      `cannot seal: ${event.streamName}@${event.streamRevision} has no hash-chain value`,
    );
  }
  return chain;
};

/** Computes the signed statement over everything in the log now, continuing from the last seal. */
const signedHead = async (
  store: EventStore,
  signer: Signer,
  seals: readonly LogSeal[],
): Promise<LogSeal> => {
  const start = startAfter(seals[seals.length - 1]);
  const { from } = start;
  let { logHash, count, position } = start;
  for await (const event of store.readAll(from === undefined ? {} : { fromPosition: from })) {
    if (from !== undefined && comparePositions(event.position, from) === 0) continue;
    logHash = nextLogHash(logHash, chainToSeal(event));
    count += 1n;
    position = positionToString(event.position);
  }
  if (position === undefined) throw new Error('cannot seal an empty log');
  const statement = { position, count: count.toString(), logHash };
  return {
    ...statement,
    keyId: signer.keyId,
    signature: await signer.sign(sealMessage(statement)),
  };
};

/**
 * A signed head over the whole log as it is now, recorded nowhere: export it and keep it outside
 * the system. `verifyLog(store, { trustedHead })` later proves the log still contains, unchanged,
 * everything up to it; deleting the tail is caught here, which no in-log anchor can do.
 */
export const exportLogHead = async (store: EventStore, signer: Signer): Promise<LogSeal> =>
  signedHead(store, signer, await readSeals(store));

/**
 * Records a new seal over everything in the log now, continuing the running hash from the last
 * seal, and returns it. The store should be wrapped in `withHashChain`, since the seal folds the
 * events' chain values. Run it periodically (see `runLogSealer`); `actor` is who the seal is
 * recorded as made by (the sealing process by default, a person when they seal by hand).
 */
export const sealLog = async (
  store: EventStore,
  signer: Signer,
  now: () => Date = () => new Date(),
  actor: Actor = { id: 'system:sealer', role: 'system' },
): Promise<LogSeal> => {
  const seals = await readSeals(store);
  const seal = await signedHead(store, signer, seals);
  const appended = await store.appendToStream(
    SEAL_STREAM,
    [
      {
        type: LOG_SEALED,
        data: seal,
        eventId: uuidv7(),
        metadata: {
          occurredAt: now().toISOString(),
          actor,
          correlationId: 'log-sealing',
          causationId: null,
          commandId: uuidv7(),
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: seals.length === 0 ? NO_STREAM : BigInt(seals.length - 1) },
  );
  if (E.isLeft(appended))
    throw new Error(`another sealer recorded a seal at the same time: ${appended.left.message}`);
  return seal;
};
