/** How long a write keeps retrying while other processes hold the file's write lock. */
const BUSY_DEADLINE_MS = 60_000;

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  String(error.code).startsWith('SQLITE_BUSY');

/**
 * Runs a write, retrying with growing pauses while SQLite reports the file busy (another process
 * holds the write lock past the busy timeout), so "database is locked" never reaches the caller
 * unless the file stays locked for a whole minute.
 */
export const retryWhileBusy = async <T>(write: () => T): Promise<T> => {
  const deadline = Date.now() + BUSY_DEADLINE_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `the store file stayed locked by another connection for over ${BUSY_DEADLINE_MS / 1000} s; is a process stuck inside a transaction?`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
  }
};
