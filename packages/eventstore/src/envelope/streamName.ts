import * as E from 'fp-ts/lib/Either.js';

/** The parts of a `Category-<id>` stream name. */
export interface StreamNameParts {
  readonly category: string;
  readonly id: string;
}

const CATEGORY_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Builds a stream name with EventStoreDB's `Category-<id>` convention (`Lead-0193…`), so category
 * reads and `$ce-` projections work there unchanged. The category may not contain a dash; the id may.
 */
export const streamName = (category: string, id: string): string => {
  if (!CATEGORY_PATTERN.test(category)) {
    throw new RangeError(
      `stream category "${category}" must be letters and digits, starting with a letter`,
    );
  }
  if (id.length === 0) throw new RangeError(`stream id for category "${category}" is empty`);
  return `${category}-${id}`;
};

/** Splits a stream name at its first dash into category and id. */
export const parseStreamName = (name: string): E.Either<string, StreamNameParts> => {
  const dash = name.indexOf('-');
  if (dash <= 0 || dash === name.length - 1) {
    return E.left(`stream name "${name}" does not follow the "Category-<id>" convention`);
  }
  return E.right({ category: name.slice(0, dash), id: name.slice(dash + 1) });
};

/** The category of a `Category-<id>` stream name, or the whole name when it has no dash. */
export const streamCategory = (name: string): string => {
  const dash = name.indexOf('-');
  return dash <= 0 ? name : name.slice(0, dash);
};
