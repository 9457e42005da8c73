#!/usr/bin/env node
import { runCli } from './cli.js';
import { commands } from './commands/index.js';
import { describeFault } from './failures/describeFault.js';
import { processIo } from './io.js';

runCli(commands, process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const fault = describeFault(error, process.env);
    process.stderr.write(`clientele: ${fault.message}\n`);
    process.exitCode = fault.exitCode;
  },
);
