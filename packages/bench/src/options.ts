import * as E from 'fp-ts/lib/Either.js';

/** What `pnpm bench` was asked to run. */
export interface BenchOptions {
  readonly json: boolean;
  readonly engines: readonly string[] | undefined;
  readonly workloads: readonly string[] | undefined;
  readonly scale: number;
  /** W8's run time in seconds, when given. */
  readonly durationSeconds: number | undefined;
  readonly help: boolean;
  /** Measure each engine's peer library beside it (W1, W2, W6) and print the ratios. */
  readonly peers: boolean;
}

/** How to call the benchmark. */
export const usage = `Usage: pnpm bench [--json] [--engine memory,sqlite,...] [--workload W1,W3,...] [--scale N]

  --json        print one JSON array on stdout (one object per workload and engine), nothing else
  --engine      only these engines (default: every engine available here)
  --workload    only these workloads (default: all)
  --scale N     multiply every workload size by N (e.g. 0.1 for a quick run, 10 for a long one)
  --duration S  how long W8's four app servers send commands, in seconds (default 30)
  --peers       also run each engine's peer library (Emmett 0.42: in-memory, PostgreSQL) on W1, W2
                and W6 (its own command handler) in the same run, and print peer ops/s and
                Clientele's ratio`;

const list = (value: string | undefined): readonly string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Parses the command line; an unknown flag or a bad value is a `Left` with the reason. */
export const parseBenchOptions = (args: readonly string[]): E.Either<string, BenchOptions> => {
  let json = false;
  let help = false;
  let peers = false;
  let engines: readonly string[] | undefined;
  let workloads: readonly string[] | undefined;
  let scale = 1;
  let durationSeconds: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--peers':
        peers = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--engine':
        engines = list(value());
        break;
      case '--workload':
        workloads = list(value())?.map((w) => w.toUpperCase());
        break;
      case '--scale': {
        const text = value();
        scale = Number(text);
        if (!Number.isFinite(scale) || scale <= 0)
          return E.left(`--scale needs a positive number, got ${String(text)}`);
        break;
      }
      case '--duration': {
        const text = value();
        durationSeconds = Number(text);
        if (!Number.isFinite(durationSeconds) || durationSeconds <= 0)
          return E.left(`--duration needs a positive number of seconds, got ${String(text)}`);
        break;
      }
      case '--':
        break;
      default:
        return E.left(`unknown option ${arg}`);
    }
  }
  return E.right({ json, engines, workloads, scale, durationSeconds, help, peers });
};
