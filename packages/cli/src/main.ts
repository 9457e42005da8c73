#!/usr/bin/env node
import { runLazyCli } from './cli.js';
import { describeFault } from './failures/describeFault.js';
import { processIo } from './io.js';
import { lazyCommands } from './manifest/commandManifest.js';

// A reader that stops early (`clientele audit … | head`) closes the pipe: the rest of the output
// is dropped, which is no fault, and Node would otherwise throw an unhandled 'error' event with a
// stack trace. The command still runs to its end, so what it records (a read on the access log)
// is recorded.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

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
