import { describe, expect, it } from 'vitest';
import type { InvoiceFacts } from '../history/receivableHistory.js';
import { churnRisk, creditRisk } from './customerRisk.js';

const invoice = (
  id: string,
  dueOn: string,
  paidOn: string | null,
  extra: Partial<InvoiceFacts> = {},
): InvoiceFacts => ({
  invoiceId: id,
  customerId: 'c1',
  issuedOn: dueOn,
  dueOn,
  totalMinor: 1_000,
  settledMinor: paidOn === null ? 0 : 1_000,
  paidOn,
  disputesOpened: [],
  closed: false,
  ...extra,
});

const purchases = (lastPaidOn: string | null, invoiceDays: string[]) => ({
  customerId: 'c1',
  invoices: invoiceDays.length,
  invoiceDays,
  collectedMinor: 0,
  collectedByDay: {},
  lastPaidOn,
});

describe('churn risk', () => {
  it('adds the points of every rule that fires and explains each, largest first', () => {
    const score = churnRisk(
      {
        customerId: 'c1',
        purchases: purchases('2025-11-01', ['2025-08-01', '2025-09-01', '2026-02-01']),
        invoices: [invoice('i1', '2026-03-01', null)],
        tickets: { open: 2, escalatedOpen: 1 },
      },
      '2026-06-30',
    );
    expect(score.reasons.map((r) => [r.rule, r.points])).toEqual([
      ['silentHalfYear', 30],
      ['fewerInvoices', 20],
      ['overdueReceivables', 15],
      ['escalatedTickets', 10],
      ['openTickets', 10],
    ]);
    expect(score.points).toBe(85);
    expect(score.band).toBe('high');
  });

  it('scores a customer who paid last week, with nothing open, as low risk with no reasons', () => {
    const score = churnRisk(
      {
        customerId: 'c1',
        purchases: purchases('2026-06-23', ['2026-06-01']),
        invoices: [],
        tickets: undefined,
      },
      '2026-06-30',
    );
    expect(score).toEqual({ customerId: 'c1', points: 0, band: 'low', reasons: [] });
  });
});

describe('credit risk', () => {
  it('reads lateness, its trend, disputes and what is overdue, and only suggests an action', () => {
    const score = creditRisk(
      {
        customerId: 'c1',
        purchases: undefined,
        invoices: [
          invoice('a', '2026-01-01', '2026-01-01'),
          invoice('b', '2026-02-01', '2026-02-03'),
          invoice('c', '2026-03-01', '2026-03-21'),
          invoice('d', '2026-04-01', '2026-04-21'),
          invoice('e', '2026-05-01', '2026-05-21', { disputesOpened: ['2026-05-10'] }),
          invoice('f', '2026-04-15', null),
        ],
        tickets: undefined,
      },
      '2026-06-30',
    );
    // Days late 0, 2, 20, 20, 20: mean 12.4; the last three (20) against 1 before.
    expect(score.averageDaysLate).toBeCloseTo(12.4, 10);
    expect(Object.fromEntries(score.reasons.map((r) => [r.rule, r.points]))).toEqual({
      lateOverTenDays: 20,
      gettingLater: 15,
      disputes: 10,
      overdueNow: 20,
      overdueOverTwoMonths: 10,
    });
    expect(score.band).toBe('high');
    expect(score.suggestion).toBe('reduce');
  });

  it('suggests keeping the limit of a customer who pays on time', () => {
    const score = creditRisk(
      {
        customerId: 'c1',
        purchases: undefined,
        invoices: [invoice('a', '2026-06-01', '2026-05-30')],
        tickets: undefined,
      },
      '2026-06-30',
    );
    expect(score.suggestion).toBe('keep');
    expect(score.points).toBe(0);
  });
});
