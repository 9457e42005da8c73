import type { BenchEngine } from '../benchEngine.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { runW0, runW0C } from './w0Startup.js';
import { runW1 } from './w1Appends.js';
import { runW2 } from './w2Rehydrate.js';
import { runW2Snapshots } from './w2Snapshots.js';
import { runW3 } from './w3ReadAll.js';
import { runW4 } from './w4ConcurrentAppends.js';
import { runW5, runW5Threads } from './w5Rebuild.js';
import { runW6, runW6Production } from './w6Commands.js';
import { runW7 } from './w7BulkImport.js';
import { runW8 } from './w8SeveralServers.js';
import { runW9, runW9Report } from './w9AppendsWhileReading.js';

export type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
export { baseSizes } from './workloadResult.js';

/** A named workload that can run on any engine. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly run: (engine: BenchEngine, sizes: WorkloadSizes) => Promise<WorkloadResult>;
  /** Whether the workload means something on this engine (W4 needs a shared server). */
  readonly appliesTo: (engine: BenchEngine) => boolean;
}

const everyEngine = (): boolean => true;

/** Start-up spawns the CLI and opens no store: it runs once, alongside the in-memory engine. */
const onceOnly = (engine: BenchEngine): boolean => engine.name === 'memory';

/** Every workload, in the order results are printed. */
export const workloads: readonly Workload[] = [
  { id: 'W0', title: 'CLI start-up: clientele --help', run: runW0, appliesTo: onceOnly },
  {
    id: 'W0C',
    title: 'CLI start-up: clientele <command> --help',
    run: runW0C,
    appliesTo: onceOnly,
  },
  { id: 'W1', title: 'single-event appends across streams', run: runW1, appliesTo: everyEngine },
  { id: 'W2', title: 'rehydrate one long aggregate', run: runW2, appliesTo: everyEngine },
  {
    id: 'W2S',
    title: 'rehydrate an Opportunity from a snapshot, trust features on',
    run: runW2Snapshots,
    appliesTo: (engine) => engine.name !== 'postgres',
  },
  { id: 'W3', title: 'read the whole log', run: runW3, appliesTo: everyEngine },
  {
    id: 'W4',
    title: 'concurrent appends, distinct streams',
    run: runW4,
    appliesTo: (engine) => engine.rawConcurrentAppends !== undefined,
  },
  { id: 'W5', title: 'rebuild every read model from the log', run: runW5, appliesTo: everyEngine },
  {
    id: 'W5T',
    title: 'rebuild every read model on one thread per core',
    run: runW5Threads,
    appliesTo: (engine) => engine.name === 'sqlite',
  },
  { id: 'W6', title: 'end-to-end domain commands', run: runW6, appliesTo: everyEngine },
  {
    id: 'W6P',
    title: 'end-to-end domain commands, hash chain and encryption on',
    run: runW6Production,
    appliesTo: everyEngine,
  },
  {
    id: 'W7',
    title: 'bulk import of the Maven pipeline through the CLI, group commit',
    run: runW7,
    appliesTo: (engine) => engine.name === 'sqlite' || engine.name === 'postgres',
  },
  {
    id: 'W8',
    title: 'four app-server processes sending commands to one store',
    run: runW8,
    appliesTo: (engine) => engine.rawConcurrentAppends !== undefined,
  },
  {
    id: 'W9',
    title: 'appends while another process rebuilds every read model',
    run: runW9,
    appliesTo: (engine) => engine.name === 'sqlite',
  },
  {
    id: 'W9R',
    title: 'appends while another process prints every report',
    run: runW9Report,
    appliesTo: (engine) => engine.name === 'sqlite',
  },
];
