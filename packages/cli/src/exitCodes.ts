/**
 * Exit codes of `clientele`, documented in docs/cli.md:
 * 0 success; 1 the work failed (a rejected row, a failed verification, a fault); 2 the command line
 * was wrong (unknown command or option, bad value); 3 the store could not be opened or reached.
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  storeUnavailable: 3,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
