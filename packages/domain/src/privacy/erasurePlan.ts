import type { ContactKey } from '../reservations/keyReservations.js';
import type { DateOnly } from '../shared/dates.js';
import { isRevealed } from '../shared/personalData.js';
import { RETENTION_CLASSES } from '../shared/retention.js';
import type { RetentionHold } from './events.js';
import type { PersonalRecord } from './footprint.js';
import type { RetentionPolicy } from './retentionPolicy.js';
import { retentionEnds } from './retentionPolicy.js';

// What forgetting a person involves, worked out from their records: pure, it changes nothing.

/** The distinct items, in first-seen order. */
export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The person's emails and phones that customers hold as duplicate-check keys, by customer. */
export const heldContactKeys = (records: readonly PersonalRecord[]): Map<string, ContactKey[]> => {
  const held = new Map<string, ContactKey[]>();
  for (const record of records) {
    if (!record.streamName.startsWith('Customer-')) continue;
    const customerId = record.streamName.slice('Customer-'.length);
    for (const { path, value } of record.values) {
      const kind = /(^|\.)emails\.\d+$/.test(path)
        ? 'email'
        : /(^|\.)phones\.\d+$/.test(path)
          ? 'phone'
          : undefined;
      if (kind === undefined || typeof value !== 'string' || !isRevealed(value)) continue;
      held.set(customerId, [...(held.get(customerId) ?? []), { kind, value }]);
    }
  }
  return held;
};

/** The customers whose own data subject is the person. */
export const customersThatAre = (records: readonly PersonalRecord[], subjectId: string): string[] =>
  unique(
    records
      .filter((record) => record.type === 'CustomerRegistered')
      .map((record) => record.data as { customerId: string; subjectId: string })
      .filter((data) => data.subjectId === subjectId)
      .map((data) => data.customerId),
  );

/**
 * The holds the law imposes on the person's retained records, by the policy, as of `today`: one per
 * retention class with readable fields, until the policy's years after the latest record's date.
 */
export const retentionHoldsFor = (
  records: readonly PersonalRecord[],
  policy: RetentionPolicy,
  today: DateOnly,
): RetentionHold[] =>
  RETENTION_CLASSES.flatMap((retentionClass) => {
    const held = records.filter((record) =>
      record.values.some((value) => value.retainedAs === retentionClass && isRevealed(value.value)),
    );
    if (held.length === 0) return [];
    const streams = unique(held.map((record) => record.streamName));
    const issued = records
      .filter((record) => streams.includes(record.streamName))
      .map((record) => (record.data as { issuedOn?: DateOnly }).issuedOn)
      .filter((day): day is DateOnly => day !== undefined)
      .sort();
    const rule = policy[retentionClass];
    const until = retentionEnds(issued.at(-1) ?? today, rule.years);
    return until > today ? [{ retentionClass, until, reason: rule.reason, streams }] : [];
  });
