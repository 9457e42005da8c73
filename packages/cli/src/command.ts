import type { ParseArgsConfig } from 'node:util';
import type { ExitCode } from './exitCodes.js';
import type { CliIo } from './io.js';

/** Parsed command line of one command. */
export interface CommandInput {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** One `clientele <name>` command. */
export interface CliCommand {
  readonly name: string;
  /** One line for `clientele --help`. */
  readonly summary: string;
  /** The full text of `clientele <name> --help`. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput, io: CliIo): Promise<ExitCode>;
}
