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
    '| exit code | meaning |',
    '| --- | --- |',
    '| 0 | success |',
    '| 1 | the work failed: a broken link, rejected rows, a fault |',
    '| 2 | the command line was wrong: unknown command or option, bad value |',
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
