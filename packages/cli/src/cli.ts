import { parseArgs } from 'node:util';
import type { CliCommand, CommandInput, CommandSummary, LazyCommand } from './command.js';
import { ExitCode } from './exitCodes.js';
import type { CliIo } from './io.js';

const overview = (commands: readonly CommandSummary[]): string =>
  [
    'Usage: clientele <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    '',
    'Every command takes --help. The store is chosen with --store or CLIENTELE_STORE:',
    '  sqlite:./clientele.db (default), memory:, postgres://user@host/db, esdb://host:2113',
    'Who is acting: --actor ID:ROLE or CLIENTELE_ACTOR (every command but demo needs one); reads',
    'and exports show only what the role allows.',
    'Exit codes: 0 success, 1 the work failed, 2 bad command line, 3 store unavailable,',
    "4 refused: the actor's role does not allow it.",
  ].join('\n');

/**
 * Runs `clientele` with `args` (without the node and script paths): finds the command, parses its
 * options strictly (an unknown option is an error that names it), prints help on request.
 */
export const runCli = async (
  commands: readonly CliCommand[],
  args: readonly string[],
  io: CliIo,
): Promise<ExitCode> =>
  runLazyCli(
    commands.map((command) => ({ ...command, load: async () => command })),
    args,
    io,
  );

/**
 * {@link runCli} over commands known by their help alone: help is answered without loading any
 * command, and only the command being run is loaded, so `clientele --help` starts fast.
 */
export const runLazyCli = async (
  commands: readonly LazyCommand[],
  args: readonly string[],
  io: CliIo,
): Promise<ExitCode> => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${overview(commands)}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    io.stderr(
      `clientele: unknown command "${name}". Run "clientele --help" to see the commands.\n`,
    );
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${entry.help}\n`);
    return ExitCode.ok;
  }
  const command = await entry.load();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`clientele ${name}: ${reason}\nRun "clientele ${name} --help" for its options.\n`);
    return ExitCode.usage;
  }
  return command.run(
    { positionals: parsed.positionals, values: parsed.values as CommandInput['values'] },
    io,
  );
};
