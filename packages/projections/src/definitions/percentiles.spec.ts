import { describe, expect, it } from 'vitest';
import { percentile, summarizeDurations } from './percentiles.js';

describe('durations at query time', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
  });

  it('interpolates between closest ranks like PERCENTILE.INC', () => {
    expect(percentile([1, 2, 3, 4, 5], 90)).toBeCloseTo(4.6, 10);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 100)).toBe(20);
  });

  it('has no median and no mean without durations', () => {
    expect(summarizeDurations([])).toEqual({ count: 0, mean: null, median: null });
  });

  it('summarizes count, mean and median', () => {
    expect(summarizeDurations([1, 2, 9])).toEqual({ count: 3, mean: 4, median: 2 });
  });
});
