import type { CliCommand } from '../command.js';
import { commandModules } from './registry.js';

/** Every `clientele` command, in the order `--help` lists them, loaded. */
export const commands: readonly CliCommand[] = await Promise.all(
  Object.values(commandModules).map((load) => load()),
);
