/**
 * Exit codes of `clientele`; docs/cli.md's table is made from {@link EXIT_CODE_MEANINGS}, so this
 * file is the one place they are defined.
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  storeUnavailable: 3,
  forbidden: 4,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** What each exit code means, for the reference page and for scripts that call `clientele`. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: 'success',
  1: 'the work failed: a broken link, rejected rows, a file that is not readable CSV (nothing written), an unexpected fault (one line, no stack trace)',
  2: 'the command line was wrong: unknown command or option, bad value, no actor or a malformed one',
  3: 'the store could not be opened or reached: no SQLite file where a read command looks, a PostgreSQL or EventStoreDB server that does not answer (the message names the host and the cause)',
  4: "refused: the actor's role does not allow it (the message names the missing permission)",
};
