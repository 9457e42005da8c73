/** One access anomaly, as the administrators' page lists it: ids and counts only. */
export interface AnomalyRow {
  readonly anomalyId: string;
  /** When the access happened (ISO-8601). */
  readonly observedAt: string;
  readonly actorId: string;
  readonly role: string;
  /** `volumeAboveBaseline`, `outsideWorkingHours`, `afterNotice`, … */
  readonly rule: string;
  /** Customers (data subjects) the hour or the access touched. */
  readonly customers: number;
  readonly baseline: number;
  readonly threshold: number;
  /** The export or read that showed it. */
  readonly causeEventId: string;
}

/** The anomalies page: every anomaly found in the log, oldest first. */
export interface AnomalyList {
  readonly anomalies: readonly AnomalyRow[];
}
