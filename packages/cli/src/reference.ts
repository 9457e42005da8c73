import type { CliCommand } from './command.js';

/**
 * The CLI reference page (docs/cli.md), made from each command's own help text, so the page and
 * `--help` can never disagree: a test fails when the page is stale.
 */
export const cliReference = (commands: readonly CliCommand[]): string =>
  [
    '# `clientele` command reference',
    '',
    "<!-- Generated from each command's --help by packages/cli/src/reference.ts; a test keeps it current. -->",
    '',
    'The store is chosen with `--store URL` or the `CLIENTELE_STORE` environment variable:',
    '`sqlite:./clientele.db` (the default), `memory:`, `postgres://user@host:5432/db`, `esdb://host:2113`.',
    '',
    'Every command says who is acting with `--actor ID:ROLE` (e.g. `--actor rep-ada:sales_rep`) or the',
    '`CLIENTELE_ACTOR` environment variable; `--actor` wins. Reads and exports show only what the',
    "actor's role allows (docs/security.md). Without either, a command stops with exit code 2 and",
    'says how to name the actor; only `demo` has a default: it acts as the administrator',
    '`clientele-demo`, so `pnpm demo` still needs no arguments.',
    '',
    '| exit code | meaning |',
    '| --- | --- |',
    '| 0 | success |',
    '| 1 | the work failed: a broken link, rejected rows, a fault |',
    '| 2 | the command line was wrong: unknown command or option, bad value, no actor or a malformed one |',
    '| 3 | the store could not be opened or reached |',
    "| 4 | refused: the actor's role does not allow it (the message names the missing permission) |",
    '',
    ...commands.flatMap((command) => [
      `## clientele ${command.name}`,
      '',
      command.summary,
      '',
      '```text',
      command.help,
      '```',
      '',
    ]),
  ].join('\n');
