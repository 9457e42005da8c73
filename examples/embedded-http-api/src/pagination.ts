import * as E from 'fp-ts/lib/Either.js';
import type { FieldError } from './problem.js';

/** Which page a client asks for: at most `limit` items after the cursor `after`. */
export interface PageRequest {
  readonly limit: number;
  readonly after: string | undefined;
}

/** A page of items and the cursor of the next one (null on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** The most items one page holds. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/** Reads `limit` (1 to 100, default 20) and `after` from a query; a bad limit is a field error. */
export const pageRequest = (query: {
  readonly limit?: string | undefined;
  readonly after?: string | undefined;
}): E.Either<readonly FieldError[], PageRequest> => {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    return E.left([
      {
        field: 'limit',
        reason: `expected a whole number from 1 to ${MAX_PAGE_SIZE}, got ${query.limit ?? ''}`,
      },
    ]);
  }
  return E.right({ limit, after: query.after === '' ? undefined : query.after });
};

/**
 * One page of items already in cursor order: those whose cursor comes after `after`. A cursor is
 * a key, not an offset, so a record added before the cursor does not shift the following pages.
 */
export const pageOf = <T>(
  sorted: readonly T[],
  cursorOf: (item: T) => string,
  request: PageRequest,
): Page<T> => {
  const start =
    request.after === undefined
      ? 0
      : sorted.findIndex((item) => cursorOf(item) > (request.after as string));
  const rest = start < 0 ? [] : sorted.slice(start);
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  return {
    items,
    next: rest.length > request.limit && last !== undefined ? cursorOf(last) : null,
  };
};

/** The `Link` header pointing at the next page, when there is one. */
export const nextLink = (
  path: string,
  page: Page<unknown>,
  limit: number,
): Record<string, string> =>
  page.next === null
    ? {}
    : { link: `<${path}?limit=${limit}&after=${encodeURIComponent(page.next)}>; rel="next"` };
