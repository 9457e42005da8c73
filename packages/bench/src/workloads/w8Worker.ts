/**
 * One app server of W8, run as a child process: it sends Lead commands to a shared PostgreSQL
 * store for a while and prints one JSON line ({@link W8WorkerReport}) when done.
 *
 * Arguments: connection string, schema, worker id, run time in milliseconds, number of leads.
 */
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { createLeadService } from '@clientele/domain';
import type { EventStore } from '@clientele/eventstore';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { permitEveryCommandInBench } from './benchAuthorizer.js';

/** What one W8 worker did. */
export interface W8WorkerReport {
  /** Latency of each acknowledged command, in milliseconds. */
  readonly latencies: number[];
  /** The attempt id of each acknowledged command, to find in the log afterwards. */
  readonly acknowledged: string[];
  /** Appends refused for a stale expected revision, each followed by a reload and a retry. */
  readonly conflictsRetried: number;
  /** The process's peak resident set, in megabytes. */
  readonly peakRssMb: number;
}

/** Counts the appends the store refuses with a conflict: each is a retry of its command. */
const countingConflicts = (store: EventStore, counter: { conflicts: number }): EventStore => ({
  ...store,
  appendToStream: async (...args) => {
    const result = await store.appendToStream(...args);
    if (E.isLeft(result)) counter.conflicts += 1;
    return result;
  },
});

const [connectionString = '', schema = '', worker = '0', runMs = '30000', leadsText = '20'] =
  process.argv.slice(2);
const counter = { conflicts: 0 };
const store = createPostgresEventStore({ connectionString, schema, maxConnections: 2 });
const leads = createLeadService(countingConflicts(store, counter), {
  authorize: permitEveryCommandInBench(),
});
const report: W8WorkerReport = {
  latencies: [],
  acknowledged: [],
  conflictsRetried: 0,
  peakRssMb: 0,
};
const deadline = Date.now() + Number(runMs);
const leadCount = Number(leadsText);
for (let n = 0; Date.now() < deadline; n += 1) {
  const attemptId = `w${worker}-${n}`;
  const command = {
    kind: 'LogContactAttempt',
    // Every worker walks the same few leads, so commands on one lead race across processes.
    leadId: `lead-${(n * 7 + Number(worker)) % leadCount}`,
    attemptId,
    channel: 'call',
    at: '2026-03-03T09:15:00Z',
  };
  const context = {
    commandId: uuidv7(),
    actor: { id: `rep-${worker}`, role: 'sales_rep' },
    occurredAt: '2026-03-03T09:15:00Z',
  };
  const started = performance.now();
  // A command that used up its attempts is sent again as is: the same command id never
  // appends twice, so this ends with it recorded exactly once.
  let outcome = await leads.handle(command, context);
  while (E.isLeft(outcome) && outcome.left.kind === 'Conflict') {
    outcome = await leads.handle(command, context);
  }
  if (E.isLeft(outcome)) throw new Error(`W8 command failed: ${JSON.stringify(outcome.left)}`);
  report.latencies.push(performance.now() - started);
  report.acknowledged.push(attemptId);
}
await store.close();
process.stdout.write(
  `${JSON.stringify({
    ...report,
    conflictsRetried: counter.conflicts,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
