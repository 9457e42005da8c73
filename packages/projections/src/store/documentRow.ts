import type * as E from 'fp-ts/lib/Either.js';
import { parseJson, parsePosition, positionToString, type Position } from '@clientele/eventstore';
import type { JsonValue } from '../projection/projection.js';
import type { StoredDocument } from '../projection/storedDocument.js';

/** A document as the SQL stores keep it: JSON text and the position's string form. */
export interface DocumentRow {
  readonly key: string;
  readonly doc: string;
  readonly last_position: string;
}

// A row that does not parse is corruption, a fault of the machine: it throws.
const orThrow = <A>(result: E.Either<string, A>, what: string): A => {
  if (result._tag === 'Left')
    throw new Error(`stored read-model ${what} is corrupt: ${result.left}`);
  return result.right;
};

/** The stored document a row holds. */
export const documentFromRow = (row: DocumentRow): StoredDocument => ({
  key: row.key,
  doc: orThrow(parseJson(row.doc), `document ${row.key}`) as JsonValue,
  lastPosition: orThrow(parsePosition(row.last_position), `position of ${row.key}`),
});

/** The checkpoint a nullable text column holds. */
export const checkpointFromText = (text: string | null): Position | undefined =>
  text === null ? undefined : orThrow(parsePosition(text), 'checkpoint');

/** The text form of a document and its position, for an insert. */
export const documentToRow = (document: StoredDocument): DocumentRow => ({
  key: document.key,
  doc: JSON.stringify(document.doc),
  last_position: positionToString(document.lastPosition),
});
