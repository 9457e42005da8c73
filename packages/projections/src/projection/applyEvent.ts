import type { Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions, matchesFilter } from '@clientele/eventstore';
import type { AnyProjection, JsonValue } from './projection.js';
import type { StoredDocument } from './storedDocument.js';

/** Whether the projection wants the event at all (its filter). */
export const isRelevant = (projection: AnyProjection, event: RecordedEvent): boolean =>
  matchesFilter(projection.filter, event.streamName, event.type);

/** The distinct keys an event touches for a projection (none when its filter rejects it). */
export const keysTouched = (projection: AnyProjection, event: RecordedEvent): readonly string[] =>
  isRelevant(projection, event) ? distinctKeysOf(projection, event) : [];

/** `projection.keysOf(event)` without repeats, for an event the projection's filter lets through. */
export const distinctKeysOf = (
  projection: AnyProjection,
  event: RecordedEvent,
): readonly string[] => {
  const keys = projection.keysOf(event);
  // Most events touch one or two documents: no set to build then.
  if (keys.length < 2) return keys;
  if (keys.length === 2) return keys[0] === keys[1] ? keys.slice(0, 1) : keys;
  return [...new Set(keys)];
};

const alreadyApplied = (lastPosition: Position | undefined, event: RecordedEvent): boolean =>
  lastPosition !== undefined && comparePositions(event.position, lastPosition) <= 0;

/**
 * Folds one event into the documents it touches, in place in `documents` (a working set keyed by
 * document key). A document that has seen this event or a later one is left alone, so feeding an
 * event twice changes nothing. Returns the keys it changed.
 */
export const applyEvent = (
  projection: AnyProjection,
  documents: Map<string, StoredDocument>,
  event: RecordedEvent,
): readonly string[] => {
  const changed: string[] = [];
  for (const key of keysTouched(projection, event))
    if (applyToKey(projection, documents, event, key)) changed.push(key);
  return changed;
};

/**
 * {@link applyEvent} for one of the keys the event touches (from {@link keysTouched} or
 * {@link distinctKeysOf} of the same event), for a runner that looked them up first to load the
 * documents. Returns whether the document changed (false when it had seen the event already).
 */
export const applyToKey = (
  projection: AnyProjection,
  documents: Map<string, StoredDocument>,
  event: RecordedEvent,
  key: string,
): boolean => {
  const current = documents.get(key);
  if (alreadyApplied(current?.lastPosition, event)) return false;
  const before: JsonValue = current === undefined ? projection.initial(key) : current.doc;
  const doc = projection.apply(before, event, key) as JsonValue;
  documents.set(key, { key, doc, lastPosition: event.position });
  return true;
};

/**
 * The whole read model of a projection folded in memory from a sequence of events: the reference
 * a runner's result is compared with in tests, and the way small reports are computed ad hoc.
 */
export const foldEvents = async (
  projection: AnyProjection,
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): Promise<Map<string, StoredDocument>> => {
  const documents = new Map<string, StoredDocument>();
  for await (const event of events) applyEvent(projection, documents, event);
  return documents;
};
