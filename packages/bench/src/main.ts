#!/usr/bin/env node
import * as E from 'fp-ts/lib/Either.js';
import { benchEngines } from './engines/index.js';
import { parseBenchOptions, usage } from './options.js';
import { formatJson, formatTable } from './report.js';
import type { WorkloadResult, WorkloadSizes } from './workloads/index.js';
import { baseSizes, workloads } from './workloads/index.js';

const scaled = (scale: number, durationSeconds: number | undefined): WorkloadSizes => ({
  appends: Math.max(10, Math.round(baseSizes.appends * scale)),
  streams: Math.max(1, Math.round(baseSizes.streams * Math.min(scale, 1))),
  aggregateEvents: Math.max(10, Math.round(baseSizes.aggregateEvents * scale)),
  logEvents: Math.max(10, Math.round(baseSizes.logEvents * scale)),
  concurrentClients: baseSizes.concurrentClients,
  startups: Math.max(5, Math.round(baseSizes.startups * scale)),
  commandSeconds: durationSeconds ?? baseSizes.commandSeconds,
});

/** Progress goes to stderr so `--json` keeps stdout to the JSON array alone. */
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const main = async (): Promise<number> => {
  const parsed = parseBenchOptions(process.argv.slice(2));
  if (E.isLeft(parsed)) {
    process.stderr.write(`${parsed.left}\n\n${usage}\n`);
    return 2;
  }
  const options = parsed.right;
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const unknownEngines = (options.engines ?? []).filter(
    (name) => !benchEngines.some((e) => e.name === name),
  );
  const unknownWorkloads = (options.workloads ?? []).filter(
    (id) => !workloads.some((w) => w.id === id),
  );
  if (unknownEngines.length > 0 || unknownWorkloads.length > 0) {
    process.stderr.write(
      `unknown ${unknownEngines.length > 0 ? `engine(s) ${unknownEngines.join(', ')}` : `workload(s) ${unknownWorkloads.join(', ')}`}; ` +
        `engines: ${benchEngines.map((e) => e.name).join(', ')}; workloads: ${workloads.map((w) => w.id).join(', ')}\n`,
    );
    return 2;
  }
  const sizes = scaled(options.scale, options.durationSeconds);
  const results: WorkloadResult[] = [];
  for (const engine of benchEngines.filter((e) => options.engines?.includes(e.name) ?? true)) {
    const reason = await engine.unavailable();
    if (reason !== undefined) {
      progress(`skipping ${engine.name}: ${reason}`);
      continue;
    }
    for (const workload of workloads.filter(
      (w) => (options.workloads?.includes(w.id) ?? true) && w.appliesTo(engine),
    )) {
      progress(`${workload.id} ${workload.title} on ${engine.name}…`);
      results.push(await workload.run(engine, sizes));
    }
  }
  process.stdout.write(`${options.json ? formatJson(results) : formatTable(results)}\n`);
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
