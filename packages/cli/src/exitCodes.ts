/**
 * Exit codes of `clientele`, documented in docs/cli.md:
 * 0 success; 1 the work failed (a rejected row, a failed verification, a fault); 2 the command line
 * was wrong (unknown command or option, bad value, no or a malformed actor); 3 the store could not be
 * opened or reached; 4 the actor's role does not allow what was asked (the message names the
 * missing permission).
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
