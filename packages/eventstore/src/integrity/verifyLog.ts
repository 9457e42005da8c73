import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { EventStore } from '../eventStore/eventStore.js';
import type { LogSeal } from './logSeal.js';
import type { Signer } from './signer.js';
import { positionToString } from '../envelope/position.js';
import { eventHash } from './eventHash.js';
import { EMPTY_LOG_HASH, nextLogHash, readSeals, sealMessage } from './logSeal.js';

/** Which anchor caught a tampering. */
export type IntegrityAnchor = 'stream chain' | 'seal' | 'signed head';

/** The first broken link found, with where it is. */
export interface IntegrityBreak {
  readonly anchor: IntegrityAnchor;
  readonly reason: string;
  readonly streamName?: string;
  readonly streamRevision?: bigint;
  readonly position?: Position;
}

/** What a clean verification walked. */
export interface IntegrityReport {
  readonly events: number;
  readonly streams: number;
  /** The seals recorded in the log that were checked (an exported head is not one of them). */
  readonly sealsChecked: number;
  /** Whether a trusted exported head was given, and the log still matches it. */
  readonly headChecked: boolean;
  readonly logHash: string;
}

/** Options of {@link verifyLog}. */
export interface VerifyLogOptions {
  /** Checks the seals' signatures; without it seals are checked for content only. */
  readonly signer?: Signer | undefined;
  /** A seal exported earlier and kept outside the store: the log must still contain it. */
  readonly trustedHead?: LogSeal | undefined;
}

const broken = (
  anchor: IntegrityAnchor,
  reason: string,
  event?: RecordedEvent,
): IntegrityBreak => ({
  anchor,
  reason,
  ...(event === undefined
    ? {}
    : {
        streamName: event.streamName,
        streamRevision: event.streamRevision,
        position: event.position,
      }),
});

const deleted = (which: IntegrityAnchor, at: string, seal: LogSeal): IntegrityBreak =>
  broken(
    which,
    `the log no longer contains position ${at}, sealed with ${seal.count} events: events were deleted`,
  );

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The first seal the walk did not meet at its position and cannot find by count either. A log
 * copied to another engine (clientele migrate) keeps its order and content but gets the target's
 * positions: its seals are then found by count. The running hash of the first `count` events
 * commits to all of them, so a missing or edited one still breaks the seal.
 */
const unreachedSeal = (
  anchors: ReadonlyMap<string, LogSeal>,
  reached: ReadonlySet<string>,
  hashAtCount: ReadonlyMap<string, string>,
): IntegrityBreak | undefined => {
  for (const [at, anchor] of anchors) {
    if (reached.has(at)) continue;
    if (hashAtCount.get(anchor.count) !== anchor.logHash) return deleted('seal', at, anchor);
  }
  return undefined;
};

/**
 * The log's events, ending with a marker instead of an exception when a stored row cannot be read
 * (its JSON or metadata was edited into something invalid): that is tampering too, and is reported
 * as a broken link rather than a crash.
 */
async function* readable(
  store: EventStore,
): AsyncGenerator<RecordedEvent | { readonly unreadable: string }> {
  try {
    yield* store.readAll();
  } catch (error) {
    yield { unreadable: messageOf(error) };
  }
}

/** The seals recorded in the log, by position, once their signatures (and the head's) verify. */
const verifiedAnchors = async (
  store: EventStore,
  { signer, trustedHead }: VerifyLogOptions,
): Promise<E.Either<IntegrityBreak, Map<string, LogSeal>>> => {
  let seals: LogSeal[];
  try {
    seals = await readSeals(store);
  } catch (error) {
    return E.left(broken('seal', `the seals cannot be read: ${messageOf(error)}`));
  }
  const anchors = new Map<string, LogSeal>();
  for (const seal of [...seals, ...(trustedHead ? [trustedHead] : [])]) {
    if (signer !== undefined && !(await signer.verify(sealMessage(seal), seal.signature))) {
      const which = seal === trustedHead ? 'signed head' : 'seal';
      return E.left(
        broken(
          which,
          `the seal at position ${seal.position} has an invalid signature (key ${seal.keyId})`,
        ),
      );
    }
    if (seal !== trustedHead) anchors.set(seal.position, seal);
  }
  return E.right(anchors);
};

interface StreamHead {
  readonly revision: bigint;
  readonly chain: string;
}

/** What the walk checks against, and what it has seen so far. */
interface Walk {
  readonly anchors: ReadonlyMap<string, LogSeal>;
  /**
   * The exported head is checked like a seal but is not one: it is kept apart, so it neither
   * hides a seal recorded at the same position nor counts among the seals checked.
   */
  readonly trusted: LogSeal | undefined;
  readonly sealedCounts: ReadonlySet<string>;
  readonly heads: Map<string, StreamHead>;
  readonly hashAtCount: Map<string, string>;
  readonly reached: Set<string>;
  logHash: string;
  count: bigint;
  headReached: boolean;
}

const startWalk = (anchors: ReadonlyMap<string, LogSeal>, trusted: LogSeal | undefined): Walk => ({
  anchors,
  trusted,
  sealedCounts: new Set([...anchors.values()].map((seal) => seal.count)),
  heads: new Map(),
  hashAtCount: new Map(),
  reached: new Set(),
  logHash: EMPTY_LOG_HASH,
  count: 0n,
  headReached: false,
});

/** The event's hash-chain value, or the broken link when its revision or chain value is wrong. */
const chainOf = (
  event: RecordedEvent,
  head: StreamHead | undefined,
): E.Either<IntegrityBreak, string> => {
  const expectedRevision = head === undefined ? 0n : head.revision + 1n;
  if (event.streamRevision !== expectedRevision) {
    return E.left(
      broken(
        'stream chain',
        `revision ${event.streamRevision} follows ${head === undefined ? 'nothing' : head.revision}`,
        event,
      ),
    );
  }
  const chain = event.metadata.chain;
  const recomputed = eventHash(event, event.streamName, event.streamRevision, head?.chain ?? null);
  if (chain !== recomputed) {
    return E.left(
      broken(
        'stream chain',
        chain === undefined
          ? 'the event has no hash-chain value'
          : 'the hash-chain value does not match the event and its predecessor',
        event,
      ),
    );
  }
  return E.right(chain);
};

/** The broken link when a seal (or the exported head) at the event disagrees with the walk. */
const sealBreak = (
  seal: LogSeal | undefined,
  which: IntegrityAnchor,
  walk: Walk,
  event: RecordedEvent,
): IntegrityBreak | undefined => {
  const { count, logHash } = walk;
  if (seal === undefined || (seal.count === count.toString() && seal.logHash === logHash)) {
    return undefined;
  }
  return broken(
    which,
    `the log up to position ${positionToString(event.position)} has ${count} events and hash ${logHash.slice(0, 12)}…, but the ${which} says ${seal.count} events and ${seal.logHash.slice(0, 12)}…`,
    event,
  );
};

/** Walks one event: checks its link, runs the log hash on, checks a seal at its position. */
const walkEvent = (walk: Walk, event: RecordedEvent): IntegrityBreak | undefined => {
  const chain = chainOf(event, walk.heads.get(event.streamName));
  if (E.isLeft(chain)) return chain.left;
  walk.heads.set(event.streamName, { revision: event.streamRevision, chain: chain.right });
  walk.logHash = nextLogHash(walk.logHash, chain.right);
  walk.count += 1n;
  const count = walk.count.toString();
  if (walk.sealedCounts.has(count)) walk.hashAtCount.set(count, walk.logHash);
  const at = positionToString(event.position);
  const anchor = walk.anchors.get(at);
  const head = walk.trusted?.position === at ? walk.trusted : undefined;
  const mismatch =
    sealBreak(anchor, 'seal', walk, event) ?? sealBreak(head, 'signed head', walk, event);
  if (mismatch !== undefined) return mismatch;
  if (anchor !== undefined) walk.reached.add(at);
  if (head !== undefined) walk.headReached = true;
  return undefined;
};

/** After the last event: every seal and the exported head must have been reached. */
const finishWalk = (walk: Walk): E.Either<IntegrityBreak, IntegrityReport> => {
  const { anchors, trusted } = walk;
  const unreached = unreachedSeal(anchors, walk.reached, walk.hashAtCount);
  if (unreached !== undefined) return E.left(unreached);
  if (trusted !== undefined && !walk.headReached)
    return E.left(deleted('signed head', trusted.position, trusted));
  return E.right({
    events: Number(walk.count),
    streams: walk.heads.size,
    // Each seal was checked: at its position, or (on a migrated log) by its count.
    sealsChecked: anchors.size,
    headChecked: trusted !== undefined,
    logHash: walk.logHash,
  });
};

/**
 * Walks the whole log and reports the first broken link: an event whose stream revision is out of
 * sequence or whose hash-chain value does not match its content and predecessor (`stream chain`),
 * a seal whose signature, count or running hash does not match the log (`seal`), or a trusted
 * exported head the log no longer reaches (`signed head`).
 */
export const verifyLog = async (
  store: EventStore,
  options: VerifyLogOptions = {},
): Promise<E.Either<IntegrityBreak, IntegrityReport>> => {
  const anchors = await verifiedAnchors(store, options);
  if (E.isLeft(anchors)) return anchors;
  const walk = startWalk(anchors.right, options.trustedHead);
  let lastRead: Position | undefined;
  for await (const event of readable(store)) {
    if ('unreadable' in event) {
      const after = lastRead === undefined ? 'the start' : positionToString(lastRead);
      return E.left(
        broken(
          'stream chain',
          `a stored event after position ${after} cannot be read: ${event.unreadable}`,
        ),
      );
    }
    lastRead = event.position;
    const link = walkEvent(walk, event);
    if (link !== undefined) return E.left(link);
  }
  return finishWalk(walk);
};
