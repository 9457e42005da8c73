import type { CliCommand } from './command.js';
import { EXIT_CODE_MEANINGS } from './exitCodes.js';

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
    ...Object.entries(EXIT_CODE_MEANINGS).map(([code, meaning]) => `| ${code} | ${meaning} |`),
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
