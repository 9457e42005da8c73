import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { positionToString } from '@clientele/eventstore';
import type { LocatedPersonalField } from '../shared/personalData.js';
import { locatePersonalFields } from '../shared/personalData.js';
import type { RetentionClass } from '../shared/retention.js';
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

/**
 * Reads the whole log and returns every event holding personal data of `subjectId`, in log order,
 * with their fields as they read now (erased ones as the erased marker) and everyone else's
 * withheld. Fields are found by the shape of the domain's codecs, so it works on encrypted and
 * plain stores alike. It reads every event once: on a large log, pass `onProgress`.
 */
export const findPersonalData = async (
  store: EventStore,
  subjectId: string,
  onProgress?: ScanProgress,
): Promise<readonly PersonalRecord[]> => {
  const records: PersonalRecord[] = [];
  let read = 0;
  for await (const event of store.readAll()) {
    read += 1;
    if (onProgress !== undefined && read % 10_000 === 0) onProgress(read);
    const fields = fieldsOf(event);
    const own = fields.filter((field) => field.subjectId === subjectId);
    if (own.length === 0) continue;
    records.push({
      streamName: event.streamName,
      streamRevision: event.streamRevision.toString(),
      position: positionToString(event.position),
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actorId: event.metadata.actor.id,
      values: own.map((field) => ({
        path: field.path.join('.'),
        value: valueAt(event.data, field.path),
        retainedAs: field.retainedAs,
      })),
      data: withOthersWithheld(
        event.data,
        fields.filter((field) => field.subjectId !== subjectId),
      ),
    });
  }
  onProgress?.(read);
  return records;
};
