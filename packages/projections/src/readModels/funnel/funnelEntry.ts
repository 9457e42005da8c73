import { type Ratio, ratio } from '../../definitions/ratio.js';
import { type DurationSummary, summarizeDurations } from '../../definitions/percentiles.js';

/** One lead or deal as the funnel counts it. */
export interface FunnelEntry {
  readonly group: string;
  readonly cohort: string;
  /** Stages reached, including those skipped on the way to a later one. */
  readonly reached: ReadonlySet<string>;
  readonly won: boolean;
  readonly lost: boolean;
  /** Days spent in each stage, one per stay. */
  readonly stageDays: Readonly<Record<string, readonly number[]>>;
}

/** One stage of a funnel row. */
export interface FunnelStageFigures {
  readonly stage: string;
  readonly reached: number;
  /** Reached the next stage ÷ reached this one; absent for the last stage. */
  readonly conversionToNext: Ratio | null;
  /** Reached this stage ÷ entered the funnel (reached the first stage). */
  readonly conversionFromStart: Ratio;
  /** Days in this stage (mean and median over stays). */
  readonly daysInStage: DurationSummary;
}

/** The funnel of one group and cohort. */
export interface FunnelRow {
  readonly group: string;
  readonly cohort: string;
  readonly stages: readonly FunnelStageFigures[];
  readonly won: number;
  readonly lost: number;
  /** Won ÷ closed (won + lost). */
  readonly winRate: Ratio;
  /** Won ÷ entered the funnel (the first stage). */
  readonly overallConversion: Ratio;
}

/** Aggregates entries into rows per group and cohort, in group then cohort order. */
export const funnelRows = (
  entries: Iterable<FunnelEntry>,
  stages: readonly string[],
): FunnelRow[] => {
  const buckets = new Map<string, FunnelEntry[]>();
  for (const entry of entries) {
    const key = `${entry.group}\u0000${entry.cohort}`;
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [entry]);
    else bucket.push(entry);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, bucket]) => {
      const reached = stages.map((stage) => bucket.filter((e) => e.reached.has(stage)).length);
      const won = bucket.filter((e) => e.won).length;
      const lost = bucket.filter((e) => e.lost).length;
      return {
        group: (bucket[0] as FunnelEntry).group,
        cohort: (bucket[0] as FunnelEntry).cohort,
        stages: stages.map((stage, i) => ({
          stage,
          reached: reached[i] as number,
          conversionToNext:
            i + 1 < stages.length ? ratio(reached[i + 1] as number, reached[i] as number) : null,
          conversionFromStart: ratio(reached[i] as number, reached[0] ?? 0),
          daysInStage: summarizeDurations(bucket.flatMap((e) => e.stageDays[stage] ?? [])),
        })),
        won,
        lost,
        winRate: ratio(won, won + lost),
        overallConversion: ratio(won, reached[0] ?? 0),
      };
    });
};
