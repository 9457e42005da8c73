import type { EventFilter, RecordedEvent } from '@clientele/eventstore';
import { isRelevant } from '../projection/applyEvent.js';
import type { AnyProjection } from '../projection/projection.js';

/** The category of a stream: its name up to and including the first `-` (`Lead-`), or all of it. */
const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash + 1);
};

/**
 * Whether a filter decides the same for every stream of a category: its prefixes have no `-`
 * but as their last character (`Lead-`, `Commission-`), so a stream name matches one exactly
 * when its category does.
 */
const decidedByCategory = (filter: EventFilter | undefined): boolean =>
  (filter?.streamNamePrefixes ?? []).every((prefix) => {
    const dash = prefix.indexOf('-');
    return dash < 0 || dash === prefix.length - 1;
  });

/**
 * Which of `projections` want an event, by their filters: their indices in `projections`, in
 * order, so a runner visits only those (most events interest a few of the read models). The
 * answer is remembered per event type and stream category when every filter allows it, so the
 * filters are tried once per kind of event rather than once per event and projection.
 */
export const relevanceOf = (
  projections: readonly AnyProjection[],
): ((event: RecordedEvent) => readonly number[]) => {
  const compute = (event: RecordedEvent): number[] => {
    const wanted: number[] = [];
    for (const [index, projection] of projections.entries())
      if (isRelevant(projection, event)) wanted.push(index);
    return wanted;
  };
  if (!projections.every((projection) => decidedByCategory(projection.filter))) return compute;
  const byType = new Map<string, Map<string, readonly number[]>>();
  return (event) => {
    let byCategory = byType.get(event.type);
    if (byCategory === undefined) {
      byCategory = new Map();
      byType.set(event.type, byCategory);
    }
    const category = categoryOf(event.streamName);
    let relevant = byCategory.get(category);
    if (relevant === undefined) {
      relevant = compute(event);
      byCategory.set(category, relevant);
    }
    return relevant;
  };
};

/**
 * One filter that lets through every event any of `projections` wants, so a pass reads only
 * those (an engine filters in its query, before decoding); undefined when one of them wants
 * every event. Each projection still sees only what its own filter passes.
 */
export const unionFilter = (projections: readonly AnyProjection[]): EventFilter | undefined => {
  const prefixes = new Set<string>();
  const types = new Set<string>();
  let everyType = false;
  for (const { filter } of projections) {
    if (filter?.streamNamePrefixes === undefined) return undefined;
    for (const prefix of filter.streamNamePrefixes) prefixes.add(prefix);
    if (filter.eventTypes === undefined) everyType = true;
    else for (const type of filter.eventTypes) types.add(type);
  }
  return everyType
    ? { streamNamePrefixes: [...prefixes] }
    : { streamNamePrefixes: [...prefixes], eventTypes: [...types] };
};
