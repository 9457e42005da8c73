#!/usr/bin/env node
import { runCli } from './cli.js';
import { commands } from './commands/index.js';
import { ExitCode } from './exitCodes.js';
import { processIo } from './io.js';

runCli(commands, process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `clientele: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = ExitCode.failed;
  },
);
