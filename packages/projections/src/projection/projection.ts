import type { EventFilter, RecordedEvent } from '@clientele/eventstore';

/** A JSON value: what a read-model document may hold (amounts as integers or decimal strings). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [field: string]: JsonValue };

/**
 * A read model written as a pure fold over keyed documents (one per customer, rep-period,
 * invoice…). The runner loads the documents an event touches, applies it, and stores them back; a
 * projection never sees the store, the clock or other documents, so a rebuild gives the same
 * documents as the incremental run.
 */
export interface Projection<Doc extends JsonValue = JsonValue> {
  /** Stable name, e.g. `funnel`; documents and checkpoints are stored under it. */
  readonly name: string;
  /** Bump it when `apply` changes meaning: the runner then rebuilds into the new version. */
  readonly version: number;
  /** Only events passing it are offered to `keysOf` (saves decoding unrelated events). */
  readonly filter?: EventFilter | undefined;
  /** The documents the event changes; an event may touch several (invoice and rep-period). */
  keysOf(event: RecordedEvent): readonly string[];
  /** The document before any event touched it. */
  initial(key: string): Doc;
  /** The document after the event; must not mutate `doc`. */
  apply(doc: Doc, event: RecordedEvent, key: string): Doc;
}

/** A projection with its document type forgotten, as the runner holds several at once. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the runner stores any document type
export type AnyProjection = Projection<any>;
