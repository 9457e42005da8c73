import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs a SQL script with the `sqlite3` shell in a dataset's folder, where its `.import` lines
 * read the raw CSVs, and returns the rows it prints as JSON. The real-data tests check their
 * hard-coded figures against it, so a figure cannot drift from the computation that gave it.
 * A missing `sqlite3` fails the test: the figures would otherwise go unchecked.
 */
export const independentFigures = <Row>(script: URL, datasetDir: URL): Row[] => {
  const run = spawnSync('sqlite3', [':memory:'], {
    cwd: fileURLToPath(datasetDir),
    input: readFileSync(script),
    encoding: 'utf8',
  });
  if (run.error !== undefined) {
    throw new Error(`cannot run sqlite3 (install the sqlite3 shell): ${run.error.message}`);
  }
  if (run.status !== 0 || run.stderr !== '') {
    throw new Error(`sqlite3 failed on ${fileURLToPath(script)}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Row[];
};
