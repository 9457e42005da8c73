import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { createLeadService } from '@clientele/domain';
import type { BenchEngine } from '../benchEngine.js';
import { percentile } from '../measure.js';
import type { W8WorkerReport } from './w8Worker.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';
import { permitEveryCommandInBench } from './benchAuthorizer.js';

/** App-server processes of W8. */
const SERVERS = 4;
/** Leads the servers share: few enough that commands on one lead race across processes. */
const LEADS = 20;

/** Runs one W8 worker process and resolves with its report. */
const runWorker = (location: readonly string[], worker: number, runMs: number) =>
  new Promise<W8WorkerReport>((resolve, reject) => {
    const script = fileURLToPath(new URL('./w8Worker.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [script, ...location, String(worker), String(runMs), String(LEADS)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let report: W8WorkerReport | undefined;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      report = JSON.parse(line) as W8WorkerReport;
    });
    child.on('exit', (code) => {
      if (code === 0 && report !== undefined) resolve(report);
      else reject(new Error(`W8 worker ${worker} exited with ${String(code)}: ${errors}`));
    });
  });

/**
 * W8: four app-server processes send Lead commands to one PostgreSQL store for
 * `sizes.commandSeconds`, all on the same 20 leads, so each conflict is reloaded, decided again
 * and retried. Reports commands per second over the run, latency per acknowledged command
 * (retries included), the conflicts retried, and the lost updates: acknowledged commands whose
 * event is not in the log afterwards, which must be 0.
 */
export const runW8 = async (engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
  const opened = await engine.open();
  try {
    if (opened.location === undefined)
      throw new Error(`W8 needs a shared server, not ${engine.name}`);
    const leads = createLeadService(opened.store, { authorize: permitEveryCommandInBench() });
    for (let lead = 0; lead < LEADS; lead += 1) {
      const captured = await leads.handle(
        {
          kind: 'CaptureLead',
          leadId: `lead-${lead}`,
          source: 'web form',
          contact: {
            companyName: `Company ${lead}`,
            name: `Person ${lead}`,
            email: `p${lead}@example.org`,
          },
        },
        {
          commandId: uuidv7(),
          actor: { id: 'rep-0', role: 'sales_rep' },
          occurredAt: '2026-03-03T09:00:00Z',
        },
      );
      if (E.isLeft(captured)) throw new Error(`W8 set-up: ${JSON.stringify(captured.left)}`);
    }
    const runMs = sizes.commandSeconds * 1000;
    const { location } = opened;
    const reports = await Promise.all(
      Array.from({ length: SERVERS }, (_, worker) => runWorker(location, worker, runMs)),
    );
    const logged = new Set<string>();
    for await (const event of opened.store.readAll()) {
      if (event.type === 'LeadContactAttempted') {
        logged.add((event.data as { attemptId: string }).attemptId);
      }
    }
    const acknowledged = reports.flatMap((report) => report.acknowledged);
    const latencies = reports.flatMap((report) => report.latencies);
    // Over each worker's own sending window: their start-up is not the store's throughput.
    const ops = acknowledged.length / sizes.commandSeconds;
    const rawSeconds = await engine.rawConcurrentAppends?.(SERVERS, 250);
    const raw = rawSeconds === undefined ? null : (SERVERS * 250) / rawSeconds;
    return {
      workload: 'W8',
      engine: engine.name,
      opsPerSec: ops,
      rawOpsPerSec: raw,
      ratio: raw === null ? null : ratioOf(ops, raw),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMb: Math.max(...reports.map((report) => report.peakRssMb)),
      conflictsRetried: reports.reduce((sum, report) => sum + report.conflictsRetried, 0),
      lostUpdates: acknowledged.filter((id) => !logged.has(id)).length,
      note: `${SERVERS} processes × Lead commands on ${LEADS} shared leads for ${sizes.commandSeconds} s; peak RSS of one process`,
    };
  } finally {
    await opened.close();
  }
};
