import { describe, expect, it } from 'vitest';
import { createKeyFilter } from './keyFilter.js';

describe('a key filter', () => {
  it('holds every key added, and few others', () => {
    const filter = createKeyFilter(16, 5);
    const added = Array.from({ length: 5000 }, (_, i) => `customer:c-${i}`);
    for (const key of added) filter.add(key);
    expect(added.every((key) => filter.mightHold(key))).toBe(true);
    const others = Array.from({ length: 5000 }, (_, i) => `invoice:i-${i}`);
    const falsePositives = others.filter((key) => filter.mightHold(key)).length;
    // 5,000 keys in 65,536 bits with 5 probes: about 1% false positives.
    expect(falsePositives).toBeLessThan(150);
  });

  it('holds nothing when empty', () => {
    expect(createKeyFilter().mightHold('anything')).toBe(false);
  });
});
