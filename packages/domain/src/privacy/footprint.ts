import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { positionToString } from '@clientele/eventstore';
import type { LocatedPersonalField } from '../shared/personalData.js';
import { locatePersonalFields } from '../shared/personalData.js';
import type { RetentionClass } from '../shared/retention.js';
import { RETENTION_CLASSES, retainedKeySubject } from '../shared/retention.js';
import { domainEventCodecs } from './domainPersonalData.js';

/** One personal field of the person in one event: where it is and what it reads as now. */
export interface PersonalValue {
  /** Dotted path inside the event's data, e.g. `contacts.0.email`. */
  readonly path: string;
  /** The value, decrypted; the erased marker once the key that protects it was destroyed. */
  readonly value: unknown;
  /** Set when the field is kept by law after erasure. */
  readonly retainedAs: RetentionClass | undefined;
}

/** An event that holds personal data of the person. */
export interface PersonalRecord {
  readonly streamName: string;
  readonly streamRevision: string;
  readonly position: string;
  readonly type: string;
  /** Business time of the event. */
  readonly occurredAt: string;
  /** When the store recorded it. */
  readonly recordedAt: string;
  /** Who caused it (a user of the CRM, not the person). */
  readonly actorId: string;
  /** The person's own fields in it. */
  readonly values: readonly PersonalValue[];
  /**
   * The event's data with every personal field of anyone else replaced by
   * `{ "$withheld": "another person" }`: what the record says, without disclosing other people.
   */
  readonly data: unknown;
}

/** The marker put in place of another person's field in a person's records. */
export const WITHHELD = Object.freeze({ $withheld: 'another person' as const });

/** Progress of a scan of the log: events read so far. */
export type ScanProgress = (eventsRead: number) => void;

const fieldsOf = (event: RecordedEvent): readonly LocatedPersonalField[] =>
  domainEventCodecs.flatMap((codec) =>
    locatePersonalFields(codec, { type: event.type, data: event.data }, true),
  );

const withOthersWithheld = (data: unknown, others: readonly LocatedPersonalField[]): unknown => {
  if (others.length === 0) return data;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const { path } of others) {
    const last = path.at(-1);
    if (last === undefined) continue;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[last] = WITHHELD;
  }
  return copy;
};

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], data);

/** Where {@link findPersonalData} reads: the app's store, and optionally the engine below it. */
export interface PersonalDataSource {
  /** The store the app uses (decrypting, if the log is encrypted). */
  readonly store: EventStore;
  /**
   * The engine below the encryption. Given, the scan reads it and skips, without decrypting or
   * decoding, every encrypted event whose `metadata.subjects` does not name the person; only the
   * events that do are read again, decrypted, from `store`. Many times faster on a large log.
   */
  readonly engine?: EventStore | undefined;
}

/** Whether `subjectId` appears as a value in the data: a field can only be theirs if it does. */
const mentions = (value: unknown, subjectId: string): boolean => {
  if (value === subjectId) return true;
  if (typeof value !== 'object' || value === null) return false;
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    if (mentions(member, subjectId)) return true;
  }
  return false;
};

const decryptedEvent = async (store: EventStore, raw: RecordedEvent): Promise<RecordedEvent> => {
  for await (const event of store.readStream(raw.streamName, {
    fromRevision: raw.streamRevision,
    maxCount: 1,
  })) {
    return event;
  }
  return raw;
};

/**
 * An encrypted event lists whose keys it uses: one that does not name the person holds none of
 * their fields. (A key destroyed before the event was written leaves no entry: such fields were
 * stored erased, and the shape check still finds them on a plain scan.)
 */
const namesOnlyOtherKeys = (event: RecordedEvent, keySubjects: ReadonlySet<string>): boolean => {
  const subjects = event.metadata.subjects ?? [];
  return subjects.length > 0 && !subjects.some((subject) => keySubjects.has(subject.subjectId));
};

/** One event as the person's footprint shows it: their fields' values, everyone else's withheld. */
const personalRecord = (
  event: RecordedEvent,
  located: readonly LocatedPersonalField[],
  subjectId: string,
): PersonalRecord => ({
  streamName: event.streamName,
  streamRevision: event.streamRevision.toString(),
  position: positionToString(event.position),
  type: event.type,
  occurredAt: event.metadata.occurredAt,
  recordedAt: event.recordedAt,
  actorId: event.metadata.actor.id,
  values: located
    .filter((field) => field.subjectId === subjectId)
    .map((field) => ({
      path: field.path.join('.'),
      value: valueAt(event.data, field.path),
      retainedAs: field.retainedAs,
    })),
  data: withOthersWithheld(
    event.data,
    located.filter((field) => field.subjectId !== subjectId),
  ),
});

/**
 * Reads the whole log and returns every event holding personal data of `subjectId`, in log order,
 * with their fields as they read now (erased ones as the erased marker) and everyone else's
 * withheld. Fields are found by the shape of the domain's codecs, so it works on encrypted and
 * plain stores alike. It reads every event once: on a large log, give the engine and `onProgress`.
 */
export const findPersonalData = async (
  source: PersonalDataSource,
  subjectId: string,
  onProgress?: ScanProgress,
): Promise<readonly PersonalRecord[]> => {
  const { store, engine } = source;
  const keySubjects = new Set([
    subjectId,
    ...RETENTION_CLASSES.map((retentionClass) => retainedKeySubject(subjectId, retentionClass)),
  ]);
  const records: PersonalRecord[] = [];
  let read = 0;
  for await (const scanned of (engine ?? store).readAll()) {
    read += 1;
    if (onProgress !== undefined && read % 10_000 === 0) onProgress(read);
    if (engine !== undefined && namesOnlyOtherKeys(scanned, keySubjects)) continue;
    // A personal field belongs to the subjectId beside it: no mention, nothing of theirs.
    if (!mentions(scanned.data, subjectId)) continue;
    const fields = fieldsOf(scanned);
    if (!fields.some((field) => field.subjectId === subjectId)) continue;
    const event = engine === undefined ? scanned : await decryptedEvent(store, scanned);
    const located = engine === undefined ? fields : fieldsOf(event);
    records.push(personalRecord(event, located, subjectId));
  }
  onProgress?.(read);
  return records;
};
