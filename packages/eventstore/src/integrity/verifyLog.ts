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
    yield { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

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
  let seals: LogSeal[];
  try {
    seals = await readSeals(store);
  } catch (error) {
    return E.left(
      broken(
        'seal',
        `the seals cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
  const anchors = new Map<string, LogSeal>();
  for (const seal of [...seals, ...(options.trustedHead ? [options.trustedHead] : [])]) {
    if (
      options.signer !== undefined &&
      !(await options.signer.verify(sealMessage(seal), seal.signature))
    ) {
      const which = seal === options.trustedHead ? 'signed head' : 'seal';
      return E.left(
        broken(
          which,
          `the seal at position ${seal.position} has an invalid signature (key ${seal.keyId})`,
        ),
      );
    }
    if (seal !== options.trustedHead) anchors.set(seal.position, seal);
  }
  // The exported head is checked like a seal but is not one: it is kept apart, so it neither
  // hides a seal recorded at the same position nor counts among the seals checked.
  const trusted = options.trustedHead;
  const heads = new Map<string, { revision: bigint; chain: string }>();
  const sealedCounts = new Set([...anchors.values()].map((seal) => seal.count));
  const hashAtCount = new Map<string, string>();
  let logHash = EMPTY_LOG_HASH;
  let count = 0n;
  let sealsChecked = 0;
  const reached = new Set<string>();
  let headReached = false;
  let lastRead: Position | undefined;
  for await (const event of readable(store)) {
    if ('unreadable' in event) {
      return E.left(
        broken(
          'stream chain',
          `a stored event after position ${lastRead === undefined ? 'the start' : positionToString(lastRead)} cannot be read: ${event.unreadable}`,
        ),
      );
    }
    lastRead = event.position;
    const head = heads.get(event.streamName);
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
    const recomputed = eventHash(
      event,
      event.streamName,
      event.streamRevision,
      head?.chain ?? null,
    );
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
    heads.set(event.streamName, { revision: event.streamRevision, chain });
    logHash = nextLogHash(logHash, chain);
    count += 1n;
    if (sealedCounts.has(count.toString())) hashAtCount.set(count.toString(), logHash);
    const at = positionToString(event.position);
    const anchor = anchors.get(at);
    for (const [seal, which] of [
      [anchor, 'seal'],
      [trusted?.position === at ? trusted : undefined, 'signed head'],
    ] as const) {
      if (seal === undefined) continue;
      if (seal.count !== count.toString() || seal.logHash !== logHash) {
        return E.left(
          broken(
            which,
            `the log up to position ${at} has ${count} events and hash ${logHash.slice(0, 12)}…, but the ${which} says ${seal.count} events and ${seal.logHash.slice(0, 12)}…`,
            event,
          ),
        );
      }
    }
    if (anchor !== undefined) {
      reached.add(at);
      sealsChecked += 1;
    }
    if (trusted?.position === at) headReached = true;
  }
  const unreached = unreachedSeal(anchors, reached, hashAtCount);
  if (unreached !== undefined) return E.left(unreached);
  sealsChecked += [...anchors.keys()].filter((at) => !reached.has(at)).length;
  if (trusted !== undefined && !headReached)
    return E.left(deleted('signed head', trusted.position, trusted));
  return E.right({
    events: Number(count),
    streams: heads.size,
    sealsChecked,
    headChecked: trusted !== undefined,
    logHash,
  });
};
