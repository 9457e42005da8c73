import type { DateOnly } from '../shared/dates.js';
import type { RetentionClass } from '../shared/retention.js';

/** How long the law keeps a retention class, counted from the record's own date, and why. */
export interface RetentionRule {
  readonly years: number;
  /** Said in the erasure record and the person's access export. */
  readonly reason: string;
}

/** One rule per retention class: set it to your jurisdiction's law. */
export type RetentionPolicy = Readonly<Record<RetentionClass, RetentionRule>>;

/**
 * Ten years for invoices, counted from the issue date of the person's latest invoice (Germany's
 * and Austria's periods; the United Kingdom asks six, France ten). Lawyers decide this, not the
 * library: pass your own policy.
 */
export const defaultRetentionPolicy: RetentionPolicy = {
  invoice: { years: 10, reason: 'invoices are kept 10 years for tax and accounting law' },
};

/** The day a hold ends: `years` after `from`, on the same calendar day (28 Feb for 29 Feb). */
export const retentionEnds = (from: DateOnly, years: number): DateOnly => {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + years, month - 1, day));
  if (end.getUTCMonth() !== month - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10) as DateOnly;
};
