/** The working day of a tenant: exports outside it are flagged. */
export interface AccessWorkingHours {
  /** First working hour, 0–23, in the tenant's offset. */
  readonly fromHour: number;
  /** First hour after work, 1–24. */
  readonly toHour: number;
  /** The tenant's offset from UTC, in minutes (+480 for China, -300 for New York in winter). */
  readonly utcOffsetMinutes: number;
  /** Saturdays and Sundays count as outside working hours. */
  readonly weekdaysOnly: boolean;
}

/** When access counts as unusual: every threshold a tenant may set. */
export interface AnomalyThresholds {
  /** Flag an hour in which an actor touches at least this many times their baseline. */
  readonly volumeFactor: number;
  /**
   * The baseline is the actor's mean of customers per active hour before this one, and never less
   * than this, so a first small export is not flagged.
   */
  readonly minimumBaseline: number;
  /** How far back the baseline looks, in hours. */
  readonly baselineHours: number;
  readonly workingHours: AccessWorkingHours;
  /** Actors who gave notice, with the day (YYYY-MM-DD): every export from that day is flagged. */
  readonly noticeGiven: Readonly<Record<string, string>>;
}

/** Ten times the baseline of the last four weeks, at least 5 customers an hour, 08–19 UTC weekdays. */
export const defaultAnomalyThresholds: AnomalyThresholds = {
  volumeFactor: 10,
  minimumBaseline: 5,
  baselineHours: 24 * 28,
  workingHours: { fromHour: 8, toHour: 19, utcOffsetMinutes: 0, weekdaysOnly: true },
  noticeGiven: {},
};
