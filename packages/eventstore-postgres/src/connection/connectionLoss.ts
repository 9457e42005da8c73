import { StoreUnavailableError } from '@clientele/eventstore';

/** Error codes of a server that is gone, going or not there yet, and of a dropped socket. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, recovering)
  '57P01',
  '57P02',
  '57P03',
  // idle_in_transaction_session_timeout: the server ended a transaction this process left open
  // while it was stalled (see `inTransaction`); nothing of it was committed
  '25P03',
]);

/** What pg says when a connection ends under a query or a pooled client is no longer usable. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection error',
  'not queryable',
  'timeout exceeded when trying to connect',
];

const codeOf = (error: object): string =>
  'code' in error && typeof error.code === 'string' ? error.code : '';

/**
 * Whether a pg error means the server could not be reached (refused, restarting, dropped the
 * connection) rather than that the request was wrong: SQLSTATE class 08, 57P01–57P03 and 25P03
 * (a transaction ended for idling), the socket errors, and pg's own messages for a connection
 * that ended.
 */
export const isConnectionLoss = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionLoss);
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((text) => message.includes(text));
};

/** `error` as a `StoreUnavailableError` when it is a connection loss, else unchanged. */
export const asStoreUnavailable = (error: unknown): unknown =>
  isConnectionLoss(error)
    ? new StoreUnavailableError(
        `PostgreSQL is unavailable: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    : error;

/** Runs `work`; a connection loss is rethrown as `StoreUnavailableError`, any other error as is. */
export const unlessUnavailable = async <A>(work: () => Promise<A>): Promise<A> => {
  try {
    return await work();
  } catch (error) {
    throw asStoreUnavailable(error);
  }
};

/** Iterates `rows`; a connection loss midway is rethrown as `StoreUnavailableError`. */
export async function* rowsUnlessUnavailable<A>(rows: AsyncIterable<A>): AsyncGenerator<A> {
  try {
    yield* rows;
  } catch (error) {
    throw asStoreUnavailable(error);
  }
}
