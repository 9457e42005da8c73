import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seededRandom.js';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const draw = (r: ReturnType<typeof createSeededRandom>) =>
      Array.from({ length: 20 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('spreads integers evenly over a range', () => {
    const random = createSeededRandom(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i += 1) counts[random.int(0, 5)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('makes valid version-4 uuids', () => {
    const random = createSeededRandom(1);
    for (let i = 0; i < 100; i += 1) {
      const id = random.uuid();
      expect(validate(id) && version(id)).toBe(4);
    }
  });
});
