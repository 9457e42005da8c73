import type { Position } from '@clientele/eventstore';
import type { JsonValue } from './projection.js';

/**
 * A document as stored: its value and the position of the last event applied to it. The position
 * makes applying idempotent: an event at or before it has already been folded in.
 */
export interface StoredDocument<Doc extends JsonValue = JsonValue> {
  readonly key: string;
  readonly doc: Doc;
  readonly lastPosition: Position;
}
