#!/usr/bin/env node
import { runLazyCli } from './cli.js';
import { ExitCode } from './exitCodes.js';
import { processIo } from './io.js';
import { lazyCommands } from './manifest/commandManifest.js';

lazyCommands()
  .then((commands) => runLazyCli(commands, process.argv.slice(2), processIo()))
  .then(
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
