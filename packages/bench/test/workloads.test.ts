import { describe, expect, it } from 'vitest';
import { memoryBenchEngine } from '../src/engines/memory.js';
import { formatJson, formatTable } from '../src/report.js';
import { workloads } from '../src/workloads/index.js';

const tiny = {
  appends: 200,
  streams: 20,
  aggregateEvents: 200,
  logEvents: 500,
  concurrentClients: 2,
  startups: 2,
  commandSeconds: 1,
};

/** W0 and W0C spawn the built CLI rather than use an engine; they have their own test. */
const isStartup = (id: string): boolean => id.startsWith('W0');

describe('benchmark workloads', () => {
  it('each run on the in-memory engine and report every figure next to the raw baseline', async () => {
    const results = [];
    for (const workload of workloads.filter(
      (w) => w.appliesTo(memoryBenchEngine) && !isStartup(w.id),
    )) {
      results.push(await workload.run(memoryBenchEngine, tiny));
    }
    expect(results.map((r) => r.workload)).toEqual(['W1', 'W2', 'W2S', 'W3', 'W5', 'W6', 'W6P']);
    for (const result of results) {
      expect(result.opsPerSec).toBeGreaterThan(0);
      expect(result.peakRssMb).toBeGreaterThan(0);
      // W2S is measured against its own target (p50 under 1 ms), not a raw driver.
      if (result.workload === 'W2S') {
        expect(result.p50Ms).toBeGreaterThan(0);
        continue;
      }
      expect(result.rawOpsPerSec).toBeGreaterThan(0);
      expect(result.ratio).toBeCloseTo(result.opsPerSec! / result.rawOpsPerSec!, 2);
    }
    const json = JSON.parse(formatJson(results)) as Record<string, unknown>[];
    expect(Object.keys(json[0]!).sort()).toEqual([
      'conflictsRetried',
      'engine',
      'lostUpdates',
      'opsPerSec',
      'p50Ms',
      'p99Ms',
      'peakRssMb',
      'ratio',
      'rawOpsPerSec',
      'readerEventsPerSec',
      'workload',
    ]);
    expect(formatTable(results).split('\n')).toHaveLength(results.length + 2);
  });

  it('time the built CLI’s start-up next to bare node, once, with a median and a ratio', async () => {
    const startups = workloads.filter((w) => isStartup(w.id));
    expect(startups.filter((w) => w.appliesTo(memoryBenchEngine)).map((w) => w.id)).toEqual([
      'W0',
      'W0C',
    ]);
    for (const workload of startups) {
      const result = await workload.run(memoryBenchEngine, tiny);
      expect(result.p50Ms).toBeGreaterThan(0);
      expect(result.rawOpsPerSec).toBeGreaterThan(0);
      expect(result.ratio).toBeCloseTo(result.opsPerSec! / result.rawOpsPerSec!, 2);
      expect(result.note).toContain('2 runs each');
    }
  }, 60_000);
});
