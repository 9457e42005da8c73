import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchEngine } from '../benchEngine.js';
import { percentile } from '../measure.js';
import type { WorkloadResult, WorkloadSizes } from './workloadResult.js';
import { ratioOf } from './workloadResult.js';

/** The built CLI of this workspace (`pnpm bench` builds it first). */
const CLI = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/** The commands whose `--help` W0C cycles through: every one the CLI lists. */
const COMMANDS = [
  'demo',
  'report',
  'audit',
  'export',
  'forget',
  'access',
  'rectify',
  'rebuild',
  'import',
  'migrate',
  'verify',
];

/** Wall time of one process from spawn to exit, in milliseconds; a failed start is an error. */
const spawnMs = (args: readonly string[]): number => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr)}`);
  }
  return elapsed;
};

/**
 * A start-up workload: the built CLI with the arguments of each run, spawned in turn with
 * `node -e 0` so both see the same machine load. Ops/s are starts per second, the raw baseline is
 * bare Node, and the ratio is the CLI's share of bare Node's speed.
 */
const startup =
  (workload: string, argsOf: (run: number) => readonly string[], what: string) =>
  async (_engine: BenchEngine, sizes: WorkloadSizes): Promise<WorkloadResult> => {
    const bare: number[] = [];
    const cli: number[] = [];
    for (let run = 0; run < sizes.startups; run += 1) {
      bare.push(spawnMs(['-e', '0']));
      cli.push(spawnMs([CLI, ...argsOf(run)]));
    }
    const median = percentile(cli, 50);
    const bareMedian = percentile(bare, 50);
    return {
      workload,
      engine: 'none',
      opsPerSec: 1000 / median,
      rawOpsPerSec: 1000 / bareMedian,
      ratio: ratioOf(1000 / median, 1000 / bareMedian),
      p50Ms: median,
      p99Ms: percentile(cli, 99),
      peakRssMb: null,
      note: `${what}; node -e 0 median ${bareMedian.toFixed(0)} ms; ${cli.length} runs each`,
    };
  };

/** W0: `clientele --help`, which loads no command. */
export const runW0 = startup('W0', () => ['--help'], 'clientele --help');

/** W0C: `clientele <command> --help`, every command in turn. */
export const runW0C = startup(
  'W0C',
  (run) => [COMMANDS[run % COMMANDS.length] ?? 'demo', '--help'],
  'clientele <command> --help',
);
