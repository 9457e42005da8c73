import { describe, expect, it } from 'vitest';
import type { AccessObservation } from './detect.js';
import { detectAccessAnomalies } from './detect.js';
import type { AnomalyThresholds } from './thresholds.js';
import { defaultAnomalyThresholds } from './thresholds.js';

const thresholds: AnomalyThresholds = { ...defaultAnomalyThresholds, minimumBaseline: 2 };
const access = (at: string, customers: number, actorId = 'rep-ada'): AccessObservation => ({
  actorId,
  at,
  customers,
});
// Monday to Friday, 2026-03-02 to 2026-03-06, three customers at ten each morning.
const usual = ['02', '03', '04', '05', '06'].map((day) => access(`2026-03-${day}T10:00:00Z`, 3));
const rules = (earlier: readonly AccessObservation[], observation: AccessObservation) =>
  detectAccessAnomalies(earlier, observation, thresholds).map((finding) => finding.rule);

describe('unusual access', () => {
  it('flags an hour in which an actor touches ten times their own baseline', () => {
    expect(detectAccessAnomalies(usual, access('2026-03-09T11:00:00Z', 30), thresholds)).toEqual([
      { rule: 'volumeAboveBaseline', customers: 30, baseline: 3, threshold: 30 },
    ]);
  });

  it('counts every access of the hour, and flags the hour once', () => {
    const first = access('2026-03-09T11:05:00Z', 20);
    expect(rules(usual, first)).toEqual([]);
    expect(rules([...usual, first], access('2026-03-09T11:40:00Z', 10))).toEqual([
      'volumeAboveBaseline',
    ]);
    const flagged = [...usual, first, access('2026-03-09T11:40:00Z', 10)];
    expect(rules(flagged, access('2026-03-09T11:50:00Z', 10))).toEqual([]);
  });

  it('judges each actor against their own baseline, not a colleague’s', () => {
    const colleague = usual.map((seen) => ({ ...seen, actorId: 'mgr-east', customers: 40 }));
    expect(rules([...usual, ...colleague], access('2026-03-09T11:00:00Z', 30))).toEqual([
      'volumeAboveBaseline',
    ]);
    expect(rules([...usual, ...colleague], access('2026-03-09T11:00:00Z', 30, 'mgr-east'))).toEqual(
      [],
    );
  });

  it('does not flag a newcomer’s first small export, thanks to the minimum baseline', () => {
    expect(rules([], access('2026-03-09T11:00:00Z', 15))).toEqual([]);
  });

  it('flags an access at night, at the weekend, in the tenant’s own offset', () => {
    expect(rules(usual, access('2026-03-09T22:30:00Z', 1))).toEqual(['outsideWorkingHours']);
    expect(rules(usual, access('2026-03-07T11:00:00Z', 1))).toEqual(['outsideWorkingHours']);
    const beijing = { ...thresholds.workingHours, utcOffsetMinutes: 480 };
    const inBeijing = { ...thresholds, workingHours: beijing };
    // 02:00 UTC is 10:00 in Beijing: a working hour there, the middle of the night in UTC.
    expect(
      detectAccessAnomalies(usual, access('2026-03-09T02:00:00Z', 1), inBeijing).map((f) => f.rule),
    ).toEqual([]);
  });

  it('flags every access from the day an actor gave notice', () => {
    const noticed = { ...thresholds, noticeGiven: { 'rep-ada': '2026-03-09' } };
    const rulesAfter = (at: string) =>
      detectAccessAnomalies(usual, access(at, 1), noticed).map((f) => f.rule);
    expect(rulesAfter('2026-03-06T11:00:00Z')).toEqual([]);
    expect(rulesAfter('2026-03-09T11:00:00Z')).toEqual(['afterNotice']);
  });

  it('judges a read by its volume against reads and exports together, and a read only by volume', () => {
    const read = (at: string, customers: number): AccessObservation => ({
      ...access(at, customers),
      readOnly: true,
    });
    const reads = ['02', '03', '04'].map((day) => read(`2026-03-${day}T10:00:00Z`, 3));
    expect(rules([...reads, ...usual.slice(3)], read('2026-03-09T11:00:00Z', 30))).toEqual([
      'volumeAboveBaseline',
    ]);
    // A report read at night or after notice is no export: the volume rule alone judges it.
    const noticed = { ...thresholds, noticeGiven: { 'rep-ada': '2026-03-09' } };
    expect(detectAccessAnomalies(usual, read('2026-03-09T22:30:00Z', 1), noticed)).toEqual([]);
  });
});
