/** One reason a risk score went up: the rule that fired and the points it added. */
export interface RiskReason {
  readonly rule: string;
  readonly points: number;
  /** The figure that made it fire, as people read it (`210 days since the last payment`). */
  readonly evidence: string;
}

/** A customer's risk score: 0–100 points, its band, and every reason, largest first. */
export interface RiskScore {
  readonly customerId: string;
  readonly points: number;
  readonly band: 'low' | 'medium' | 'high';
  readonly reasons: readonly RiskReason[];
}

/** Points at which a score is medium and high. */
export const RISK_BANDS = { medium: 25, high: 50 } as const;

/** The band of a score. */
export const bandOf = (points: number): RiskScore['band'] =>
  points >= RISK_BANDS.high ? 'high' : points >= RISK_BANDS.medium ? 'medium' : 'low';

/** A score from its reasons: points summed and capped at 100, reasons largest first. */
export const scoreOf = (
  customerId: string,
  reasons: readonly (RiskReason | undefined)[],
): RiskScore => {
  const fired = reasons
    .filter((reason): reason is RiskReason => reason !== undefined && reason.points > 0)
    .sort((a, b) => b.points - a.points || a.rule.localeCompare(b.rule));
  const points = Math.min(
    100,
    fired.reduce((sum, reason) => sum + reason.points, 0),
  );
  return { customerId, points, band: bandOf(points), reasons: fired };
};

/**
 * The points of the churn and credit rules, as data. They are stated judgements, not fitted
 * weights: the public data sets record no churn and no credit losses to fit or backtest them on
 * (docs/analytics.md).
 */
export const RISK_POINTS = {
  churn: {
    silentHalfYear: 30,
    silentQuarter: 15,
    fewerInvoices: 20,
    openTicket: 5,
    openTicketsCap: 15,
    escalatedTicket: 10,
    escalatedTicketsCap: 20,
    overdue: 15,
  },
  credit: {
    lateOverMonth: 35,
    lateOverTenDays: 20,
    lateAtAll: 10,
    gettingLater: 15,
    dispute: 10,
    disputesCap: 20,
    overdueNow: 20,
    overdueOverTwoMonths: 10,
  },
} as const;
