import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessObservation } from './detect.js';
import { detectAccessAnomalies } from './detect.js';
import { defaultAnomalyThresholds } from './thresholds.js';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T00:00:00Z');
const observations = fc.array(
  fc.record({ hour: fc.integer({ min: 0, max: 200 }), customers: fc.integer({ min: 1, max: 80 }) }),
  { maxLength: 40 },
);

describe('volume anomalies', () => {
  it('flag each active hour at most once, and only an hour whose total reaches the threshold', () => {
    fc.assert(
      fc.property(observations, (accesses) => {
        const sorted = [...accesses].sort((a, b) => a.hour - b.hour);
        const seen: AccessObservation[] = [];
        const flaggedHours = new Set<number>();
        for (const { hour, customers } of sorted) {
          const observation = {
            actorId: 'rep',
            at: new Date(START + hour * HOUR).toISOString(),
            customers,
          };
          const volume = detectAccessAnomalies(seen, observation, defaultAnomalyThresholds).find(
            (finding) => finding.rule === 'volumeAboveBaseline',
          );
          seen.push(observation);
          if (volume === undefined) continue;
          expect(flaggedHours.has(hour)).toBe(false);
          flaggedHours.add(hour);
          const total = seen
            .filter((s) => Date.parse(s.at) === START + hour * HOUR)
            .reduce((sum, s) => sum + s.customers, 0);
          expect(total).toBeGreaterThanOrEqual(volume.threshold);
          expect(volume.baseline).toBeGreaterThanOrEqual(defaultAnomalyThresholds.minimumBaseline);
        }
      }),
    );
  });
});
