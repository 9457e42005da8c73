#!/usr/bin/env node
import { runLazyCli } from './cli.js';
import { describeFault } from './failures/describeFault.js';
import { processIo } from './io.js';
import { lazyCommands } from './manifest/commandManifest.js';

lazyCommands()
  .then((commands) => runLazyCli(commands, process.argv.slice(2), processIo()))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const fault = describeFault(error, process.env);
      process.stderr.write(`clientele: ${fault.message}\n`);
      process.exitCode = fault.exitCode;
    },
  );
