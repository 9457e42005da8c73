import type { ParseArgsConfig } from 'node:util';
import type { ExitCode } from './exitCodes.js';
import type { CliIo } from './io.js';

/** Parsed command line of one command. */
export interface CommandInput {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** What `--help` shows of a command: known without loading the modules the command runs on. */
export interface CommandSummary {
  readonly name: string;
  /** One line for `clientele --help`. */
  readonly summary: string;
  /** The full text of `clientele <name> --help`. */
  readonly help: string;
}

/** One `clientele <name>` command. */
export interface CliCommand extends CommandSummary {
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput, io: CliIo): Promise<ExitCode>;
}

/** A command known by its help, whose module is loaded only when it runs. */
export interface LazyCommand extends CommandSummary {
  readonly load: () => Promise<CliCommand>;
}
