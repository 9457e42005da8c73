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
};

describe('benchmark workloads', () => {
  it('each run on the in-memory engine and report every figure next to the raw baseline', async () => {
    const results = [];
    for (const workload of workloads.filter((w) => w.appliesTo(memoryBenchEngine))) {
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
      'engine',
      'opsPerSec',
      'p50Ms',
      'p99Ms',
      'peakRssMb',
      'ratio',
      'rawOpsPerSec',
      'workload',
    ]);
    expect(formatTable(results).split('\n')).toHaveLength(results.length + 2);
  });
});
