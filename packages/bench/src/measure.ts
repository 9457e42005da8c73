import { readFileSync, writeFileSync } from 'node:fs';

/** Latency samples of single operations, in milliseconds. */
export type Latencies = number[];

/** Runs `operation` `count` times in sequence and records each call's latency. */
export const timeEach = async (
  count: number,
  operation: (index: number) => unknown,
): Promise<Latencies> => {
  const latencies: Latencies = new Array<number>(count);
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await operation(index);
    latencies[index] = performance.now() - started;
  }
  return latencies;
};

/** Wall time of `operation`, in seconds, and what it returned. */
export const timeOnce = async <T>(
  operation: () => Promise<T>,
): Promise<{ seconds: number; value: T }> => {
  const started = performance.now();
  const value = await operation();
  return { seconds: (performance.now() - started) / 1000, value };
};

/** The `p`-th percentile (0–100) of the samples, nearest-rank. */
export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
};

/** Operations per second for `count` operations whose latencies sum to the wall time. */
export const opsPerSecond = (count: number, seconds: number): number => count / seconds;

const STATUS = '/proc/self/status';

/** The kernel's peak RSS of this process in bytes (Linux `VmHWM`), or undefined elsewhere. */
const highWaterMark = (): number | undefined => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(STATUS, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
};

/** Resets the kernel's peak RSS to the current RSS; false where that is not possible. */
const resetHighWaterMark = (): boolean => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return highWaterMark() !== undefined;
  } catch {
    return false;
  }
};

/**
 * The process's peak resident set size in MB while `operation` runs, so each workload reports its
 * own peak rather than the process's lifetime maximum. On Linux the kernel keeps the peak: it is
 * reset before and read after, so a peak inside a long synchronous stretch (a rebuild that never
 * yields to timers) counts. Elsewhere the RSS is sampled every 20 ms, which sees only the moments
 * the event loop is free.
 */
export const withPeakRss = async <T>(
  operation: () => Promise<T>,
): Promise<{ peakRssMb: number; value: T }> => {
  const kernelPeak = resetHighWaterMark();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  try {
    const value = await operation();
    peak = Math.max(peak, process.memoryUsage.rss(), (kernelPeak && highWaterMark()) || 0);
    return { peakRssMb: peak / (1024 * 1024), value };
  } finally {
    clearInterval(timer);
  }
};
