import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerPurchases } from '../history/purchaseHistory.js';
import { quintiles, rfmSegments, segmentMovement, segmentOf } from './rfmSegments.js';
import { lifetimeValues } from './lifetimeValue.js';

const customer = (
  customerId: string,
  invoices: number,
  collectedMinor: number,
  lastPaidOn: string | null,
): CustomerPurchases => ({
  customerId,
  invoices,
  invoiceDays: [],
  collectedMinor,
  collectedByDay: lastPaidOn === null ? {} : { [lastPaidOn]: collectedMinor },
  lastPaidOn,
});

describe('RFM quintiles and segments', () => {
  it('scores ten distinct values two to a quintile', () => {
    const score = quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(score)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives equal values the same quintile, in any order of customers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const score = quintiles(values);
          const shuffled = quintiles([...values].reverse());
          for (const v of values) expect(score(v)).toBe(shuffled(v));
          for (const v of values) expect(score(v)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('names segments by the first rule that holds', () => {
    expect(segmentOf({ recency: 5, frequency: 5, monetary: 5 })).toBe('champions');
    expect(segmentOf({ recency: 4, frequency: 5, monetary: 2 })).toBe('loyal');
    expect(segmentOf({ recency: 1, frequency: 5, monetary: 5 })).toBe('cannotLose');
    expect(segmentOf({ recency: 2, frequency: 4, monetary: 1 })).toBe('atRisk');
    expect(segmentOf({ recency: 1, frequency: 1, monetary: 1 })).toBe('hibernating');
    expect(segmentOf({ recency: 5, frequency: 1, monetary: 3 })).toBe('newCustomers');
  });

  it('scores recent, frequent, big payers as champions and long-silent ones as hibernating', () => {
    const purchases = new Map(
      [
        customer('a', 9, 90_000, '2026-06-28'),
        customer('b', 8, 80_000, '2026-06-25'),
        customer('c', 2, 1_000, '2025-01-10'),
        customer('d', 1, 500, '2025-01-01'),
        customer('e', 4, 30_000, '2026-03-01'),
      ].map((c) => [c.customerId, c]),
    );
    const segments = rfmSegments(purchases, '2026-06-30');
    const of = (id: string) => segments.find((s) => s.customerId === id)!;
    expect(of('a').segment).toBe('champions');
    expect(of('d').segment).toBe('hibernating');
    expect(of('a').recencyDays).toBe(2);
  });

  it('counts moves between segments, a customer new since the earlier day coming from none', () => {
    const moves = segmentMovement(
      [
        {
          customerId: 'a',
          segment: 'loyal',
          recencyDays: 1,
          invoices: 1,
          collectedMinor: 1,
          score: { recency: 5, frequency: 4, monetary: 3 },
        },
      ],
      [
        {
          customerId: 'a',
          segment: 'atRisk',
          recencyDays: 1,
          invoices: 1,
          collectedMinor: 1,
          score: { recency: 2, frequency: 4, monetary: 3 },
        },
        {
          customerId: 'b',
          segment: 'newCustomers',
          recencyDays: 1,
          invoices: 1,
          collectedMinor: 1,
          score: { recency: 5, frequency: 1, monetary: 3 },
        },
      ],
    );
    expect(moves).toEqual([
      { from: null, to: 'newCustomers', customers: 1 },
      { from: 'loyal', to: 'atRisk', customers: 1 },
    ]);
  });
});

describe('lifetime value', () => {
  it('predicts next year as last year’s payments times the share of last year’s payers who paid again', () => {
    const a: CustomerPurchases = {
      ...customer('a', 2, 300, null),
      collectedByDay: { '2025-03-01': 100, '2026-03-01': 200 },
    };
    const b: CustomerPurchases = {
      ...customer('b', 1, 100, null),
      collectedByDay: { '2025-04-01': 100 },
    };
    const { retention, values } = lifetimeValues(
      new Map<string, CustomerPurchases>([
        ['a', a],
        ['b', b],
      ]),
      '2026-06-30',
    );
    expect(retention).toBe(0.5);
    expect(values.find((v) => v.customerId === 'a')).toEqual({
      customerId: 'a',
      historicalMinor: 300,
      lastYearMinor: 200,
      nextYearMinor: 100,
    });
  });
});
