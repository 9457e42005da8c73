import type { AnomalyRule } from './events.js';
import type { AnomalyThresholds } from './thresholds.js';

/**
 * One access to customers' data: who, when (ISO-8601 instant) and how many customers (data
 * subjects, for a read).
 */
export interface AccessObservation {
  readonly actorId: string;
  readonly at: string;
  readonly customers: number;
  /** A read (a report, a timeline, a page), not an export: only the volume rule judges it. */
  readonly readOnly?: boolean;
}

/** A rule an observation broke, with the figures that show it. */
export interface AnomalyFinding {
  readonly rule: AnomalyRule;
  readonly customers: number;
  readonly baseline: number;
  readonly threshold: number;
}

const HOUR_MS = 3_600_000;
const hourOf = (at: string): number => Math.floor(Date.parse(at) / HOUR_MS);

/** The actor's mean of customers per active hour in the window before `hour`, at least the minimum. */
const baselineOf = (
  earlier: readonly AccessObservation[],
  hour: number,
  thresholds: AnomalyThresholds,
): number => {
  const byHour = new Map<number, number>();
  for (const seen of earlier) {
    const h = hourOf(seen.at);
    if (h < hour && h >= hour - thresholds.baselineHours)
      byHour.set(h, (byHour.get(h) ?? 0) + seen.customers);
  }
  const hours = [...byHour.values()];
  const mean = hours.length === 0 ? 0 : hours.reduce((a, b) => a + b, 0) / hours.length;
  return Math.max(thresholds.minimumBaseline, mean);
};

/** Flags the hour once: when this observation takes the hour's total across the threshold. */
const volumeFinding = (
  earlier: readonly AccessObservation[],
  observation: AccessObservation,
  thresholds: AnomalyThresholds,
): AnomalyFinding | undefined => {
  const hour = hourOf(observation.at);
  const before = earlier
    .filter((seen) => hourOf(seen.at) === hour)
    .reduce((sum, seen) => sum + seen.customers, 0);
  const total = before + observation.customers;
  const baseline = baselineOf(earlier, hour, thresholds);
  const threshold = thresholds.volumeFactor * baseline;
  return total >= threshold && before < threshold
    ? { rule: 'volumeAboveBaseline', customers: total, baseline, threshold }
    : undefined;
};

/** The observation's local time in the tenant's offset, as a Date read through its UTC fields. */
const localTime = (at: string, thresholds: AnomalyThresholds): Date =>
  new Date(Date.parse(at) + thresholds.workingHours.utcOffsetMinutes * 60_000);

const outsideWorkingHours = (at: string, thresholds: AnomalyThresholds): boolean => {
  const local = localTime(at, thresholds);
  const { fromHour, toHour, weekdaysOnly } = thresholds.workingHours;
  const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
  const hour = local.getUTCHours();
  return (weekdaysOnly && weekend) || hour < fromHour || hour >= toHour;
};

/**
 * The rules one access breaks, given earlier accesses (only the same actor's count): many more
 * customers in an hour than their own baseline (reads and exports together), an export outside
 * working hours, an export on or after the day they gave notice. Pure: the same history and thresholds give the same findings.
 */
export const detectAccessAnomalies = (
  earlier: readonly AccessObservation[],
  observation: AccessObservation,
  thresholds: AnomalyThresholds,
): readonly AnomalyFinding[] => {
  const findings: AnomalyFinding[] = [];
  const own = earlier.filter((seen) => seen.actorId === observation.actorId);
  const volume = volumeFinding(own, observation, thresholds);
  if (volume !== undefined) findings.push(volume);
  if (observation.readOnly === true) return findings;
  const plain = { customers: observation.customers, baseline: 0, threshold: 0 };
  if (outsideWorkingHours(observation.at, thresholds))
    findings.push({ rule: 'outsideWorkingHours', ...plain });
  const notice = Object.hasOwn(thresholds.noticeGiven, observation.actorId)
    ? thresholds.noticeGiven[observation.actorId]
    : undefined;
  if (
    notice !== undefined &&
    localTime(observation.at, thresholds).toISOString().slice(0, 10) >= notice
  )
    findings.push({ rule: 'afterNotice', ...plain });
  return findings;
};
