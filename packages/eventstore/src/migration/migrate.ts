import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent } from '../envelope/envelope.js';
import type { Position } from '../envelope/position.js';
import type { EventStore } from '../eventStore/eventStore.js';
import { END, START } from '../envelope/position.js';
import { NO_STREAM } from '../envelope/revision.js';
import type { ContentHash } from './contentHash.js';
import { createContentHash, hashLog } from './contentHash.js';

/** How far a migration has got, reported after every append. */
export interface MigrationProgress {
  /** Events appended to the target by this run. */
  readonly copied: number;
  /** Events found already in the target (copied by an earlier, interrupted run). */
  readonly alreadyPresent: number;
  /** Source position of the last event handled. */
  readonly sourcePosition: Position;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Called after every append to the target. */
  readonly onProgress?: (progress: MigrationProgress) => void;
  /** Most events per append; consecutive events of one stream are appended together. */
  readonly batchSize?: number;
}

/** A completed, verified migration. */
export interface MigrationReport {
  readonly eventCount: number;
  readonly copied: number;
  readonly alreadyPresent: number;
  /** Content hash of both logs (they are equal, or the migration is a `Left`). */
  readonly contentHash: string;
}

/** Why a migration stopped: the target holds events that are not a prefix of the source. */
export interface MigrationFailure {
  readonly kind: 'TargetDiverged' | 'VerificationFailed';
  readonly message: string;
}

const failure = (kind: MigrationFailure['kind'], message: string) =>
  E.left<MigrationFailure>({ kind, message });

/** The id of the target's last event: a new run resumes after it. */
const lastEventId = async (to: EventStore): Promise<string | undefined> => {
  let eventId: string | undefined;
  for await (const last of to.readAll({ direction: 'backwards', fromPosition: END, maxCount: 1 }))
    eventId = last.eventId;
  return eventId;
};

/** A batch is one stream's consecutive events, up to the batch size: appends are per stream. */
const endsBatch = (
  batch: readonly RecordedEvent[],
  next: RecordedEvent,
  batchSize: number,
): boolean => {
  const head = batch[0];
  return head !== undefined && (head.streamName !== next.streamName || batch.length >= batchSize);
};

/** The target must now hold the source's events exactly: the same count and content hash. */
const verifyCopy = async (
  to: EventStore,
  source: ContentHash,
): Promise<E.Either<MigrationFailure, { readonly count: number; readonly hash: string }>> => {
  const target = await hashLog(to.readAll());
  const expected = { count: source.count(), hash: source.digest() };
  if (target.count !== expected.count || target.hash !== expected.hash) {
    return failure(
      'VerificationFailed',
      `the source has ${expected.count} events with content hash ${expected.hash}, the target ${target.count} with ${target.hash}`,
    );
  }
  return E.right(expected);
};

/**
 * Copies every event of `from` into `to` in global order, keeping stream names, revisions, ids,
 * types, data and metadata, then verifies that both logs have the same count and content hash.
 *
 * Resumable: an interrupted run leaves the target holding a prefix of the source (appends are
 * atomic), so a new run finds the target's last event in the source and continues after it.
 * Each event is appended with the revision it had as the expected revision, so a stream that was
 * written in the target by anyone else stops the migration instead of being merged.
 *
 * Command-id dedupe records are not copied: the port does not list them, and the command ids
 * remain in each event's metadata.
 */
export const migrate = async (
  from: EventStore,
  to: EventStore,
  options: MigrateOptions = {},
): Promise<E.Either<MigrationFailure, MigrationReport>> => {
  const batchSize = options.batchSize ?? 500;
  let resumeAfter = await lastEventId(to);
  const source = createContentHash();
  let alreadyPresent = 0;
  let copied = 0;
  let batch: RecordedEvent[] = [];

  const appendBatch = async (): Promise<E.Either<MigrationFailure, void>> => {
    const first = batch[0];
    const last = batch[batch.length - 1];
    if (first === undefined || last === undefined) return E.right(undefined);
    const result = await to.appendToStream(
      first.streamName,
      batch.map(({ type, data, eventId, metadata }) => ({ type, data, eventId, metadata })),
      { expectedRevision: first.streamRevision === 0n ? NO_STREAM : first.streamRevision - 1n },
    );
    if (E.isLeft(result)) return failure('TargetDiverged', `the target ${result.left.message}`);
    copied += batch.length;
    batch = [];
    options.onProgress?.({ copied, alreadyPresent, sourcePosition: last.position });
    return E.right(undefined);
  };

  for await (const event of from.readAll({ fromPosition: START })) {
    source.add(event);
    if (resumeAfter !== undefined) {
      alreadyPresent += 1;
      if (event.eventId === resumeAfter) resumeAfter = undefined;
      continue;
    }
    if (endsBatch(batch, event, batchSize)) {
      const appended = await appendBatch();
      if (E.isLeft(appended)) return appended;
    }
    batch.push(event);
  }
  const appended = await appendBatch();
  if (E.isLeft(appended)) return appended;
  if (resumeAfter !== undefined) {
    return failure(
      'TargetDiverged',
      `the target's last event ${resumeAfter} is not in the source: the target is not a copy of it`,
    );
  }
  const verified = await verifyCopy(to, source);
  if (E.isLeft(verified)) return verified;
  const expected = verified.right;
  return E.right({
    eventCount: expected.count,
    copied,
    alreadyPresent,
    contentHash: expected.hash,
  });
};
