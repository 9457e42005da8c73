import { describe, expect, it } from 'vitest';
import { periodOf } from './periods.js';

describe('report periods', () => {
  it('buckets a day by month, quarter and year', () => {
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-12-31', 'year')).toBe('2026');
    expect(periodOf('2026-12-31', 'all')).toBe('all');
  });
});
