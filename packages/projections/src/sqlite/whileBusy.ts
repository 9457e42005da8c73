/** How long a read-model write waits in all for another process to release the file. */
const GIVE_UP_AFTER_MS = 60_000;

const isLocked = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');

/**
 * Runs a synchronous write transaction, trying again after a short, growing pause while another
 * process (an import, the CLI) holds the file's write lock beyond the busy timeout: a projection
 * runner sharing the event store's file waits its turn instead of failing.
 */
export const whileBusy = async <T>(write: () => T): Promise<T> => {
  const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return write();
    } catch (error) {
      if (!isLocked(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 200)));
    }
  }
};
