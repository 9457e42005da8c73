import { daysFrom, shiftDay } from '../history/datedEvents.js';
import type { CustomerPurchases } from '../history/purchaseHistory.js';
import type { CustomerTickets, InvoiceFacts } from '../history/receivableHistory.js';
import type { RiskReason, RiskScore } from './riskRules.js';
import { RISK_POINTS, scoreOf } from './riskRules.js';

const when = (
  fires: boolean,
  rule: string,
  points: number,
  evidence: string,
): RiskReason | undefined => (fires ? { rule, points, evidence } : undefined);

const overdueOn = (invoices: readonly InvoiceFacts[], day: string) =>
  invoices.filter((i) => !i.closed && i.settledMinor < i.totalMinor && i.dueOn < day);

/** Invoices issued in the last half year and in the half year before it. */
const invoiceTrend = (days: readonly string[], day: string) => {
  const halfYearAgo = shiftDay(day, -182);
  const yearAgo = shiftDay(day, -365);
  return {
    recent: days.filter((d) => d > halfYearAgo && d <= day).length,
    before: days.filter((d) => d > yearAgo && d <= halfYearAgo).length,
  };
};

/** What a customer's churn and credit scores read, as known on the day. */
export interface CustomerRiskInput {
  readonly customerId: string;
  readonly purchases: CustomerPurchases | undefined;
  readonly invoices: readonly InvoiceFacts[];
  readonly tickets: CustomerTickets | undefined;
}

/**
 * Churn risk on `day`, explained by the rules that fired: silence since the last payment, fewer
 * invoices in the last half year than the one before, open and escalated tickets, overdue
 * receivables. Contract renewals would count too; the log records none yet.
 */
export const churnRisk = (input: CustomerRiskInput, day: string): RiskScore => {
  const p = RISK_POINTS.churn;
  const lastPaid = input.purchases?.lastPaidOn ?? null;
  // Days since the last payment; −1 for a customer who never paid (no silence rule fires).
  const silent = lastPaid === null ? -1 : daysFrom(lastPaid, day);
  const { recent, before } = invoiceTrend(input.purchases?.invoiceDays ?? [], day);
  const { open, escalatedOpen: escalated } = input.tickets ?? { open: 0, escalatedOpen: 0 };
  const overdue = overdueOn(input.invoices, day).length;
  const silence = `${String(silent)} days since the last payment`;
  return scoreOf(input.customerId, [
    when(silent >= 182, 'silentHalfYear', p.silentHalfYear, silence),
    when(silent >= 91 && silent < 182, 'silentQuarter', p.silentQuarter, silence),
    when(
      recent < before,
      'fewerInvoices',
      p.fewerInvoices,
      `${String(recent)} invoices in the last half year, ${String(before)} in the one before`,
    ),
    when(
      open > 0,
      'openTickets',
      Math.min(p.openTicketsCap, open * p.openTicket),
      `${String(open)} open tickets`,
    ),
    when(
      escalated > 0,
      'escalatedTickets',
      Math.min(p.escalatedTicketsCap, escalated * p.escalatedTicket),
      `${String(escalated)} escalated open tickets`,
    ),
    when(overdue > 0, 'overdueReceivables', p.overdue, `${String(overdue)} invoices past due`),
  ]);
};

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/** The credit-limit action a credit score suggests; it never changes a limit by itself. */
export type CreditSuggestion = 'keep' | 'review' | 'reduce';

/**
 * Credit risk on `day` from payment behaviour: how late the invoices paid in the last year were
 * paid (days after due), whether the last three were later than the ones before, disputes opened
 * in the last year, and what is overdue now. Its `suggestion` feeds the credit-limit policy as
 * advice only.
 */
export const creditRisk = (
  input: CustomerRiskInput,
  day: string,
): RiskScore & {
  readonly suggestion: CreditSuggestion;
  readonly averageDaysLate: number | null;
} => {
  const p = RISK_POINTS.credit;
  const yearAgo = shiftDay(day, -365);
  const paid = input.invoices
    .filter((i) => i.paidOn !== null && i.paidOn > yearAgo)
    .sort(
      (a, b) =>
        (a.paidOn ?? '').localeCompare(b.paidOn ?? '') || a.invoiceId.localeCompare(b.invoiceId),
    );
  const late = paid.map((i) => Math.max(0, daysFrom(i.dueOn, i.paidOn ?? i.dueOn)));
  const average = paid.length === 0 ? null : mean(late);
  const lastThree = mean(late.slice(-3));
  const earlier = late.slice(0, -3);
  const disputes = input.invoices
    .flatMap((i) => i.disputesOpened)
    .filter((d) => d > yearAgo && d <= day).length;
  const overdue = overdueOn(input.invoices, day);
  const oldest = overdue.reduce((max, i) => Math.max(max, daysFrom(i.dueOn, day)), 0);
  const lateness = `paid ${average?.toFixed(1) ?? '—'} days late on average over ${String(paid.length)} invoices`;
  const score = scoreOf(input.customerId, [
    when(average !== null && average >= 30, 'lateOverMonth', p.lateOverMonth, lateness),
    when(
      average !== null && average >= 10 && average < 30,
      'lateOverTenDays',
      p.lateOverTenDays,
      lateness,
    ),
    when(average !== null && average > 0 && average < 10, 'lateAtAll', p.lateAtAll, lateness),
    when(
      earlier.length > 0 && lastThree > mean(earlier) + 5,
      'gettingLater',
      p.gettingLater,
      `last three paid ${lastThree.toFixed(1)} days late, earlier ones ${mean(earlier).toFixed(1)}`,
    ),
    when(
      disputes > 0,
      'disputes',
      Math.min(p.disputesCap, disputes * p.dispute),
      `${String(disputes)} disputes in the last year`,
    ),
    when(
      overdue.length > 0,
      'overdueNow',
      p.overdueNow,
      `${String(overdue.length)} invoices past due`,
    ),
    when(
      oldest > 60,
      'overdueOverTwoMonths',
      p.overdueOverTwoMonths,
      `oldest ${String(oldest)} days past due`,
    ),
  ]);
  const suggestion: CreditSuggestion =
    score.band === 'high' ? 'reduce' : score.band === 'medium' ? 'review' : 'keep';
  return { ...score, suggestion, averageDaysLate: average };
};
