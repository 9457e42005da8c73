/**
 * `@clientele/cli`: the `clientele` command as a library, so other tools can embed its commands.
 *
 * @packageDocumentation
 */
export { runCli } from './cli.js';
export { commands } from './commands/index.js';
export type { CliCommand, CommandInput } from './command.js';
export type { CliIo } from './io.js';
export { ExitCode } from './exitCodes.js';
export type { TokenTrust } from './actor/actorToken.js';
export { tokenTrustFrom, verifyActorToken } from './actor/actorToken.js';
