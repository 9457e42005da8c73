export type { AnyProjection, JsonValue, Projection } from './projection.js';
export type { StoredDocument } from './storedDocument.js';
export { applyEvent, foldEvents, isRelevant, keysTouched } from './applyEvent.js';
