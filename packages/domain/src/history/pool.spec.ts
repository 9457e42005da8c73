import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seededRandom.js';
import { createPool } from './pool.js';

describe('generator pool', () => {
  it('keeps each id once and picks only what is still in it after removals', () => {
    const pool = createPool<string>();
    for (const id of ['a', 'b', 'c', 'd']) pool.add(id, id.toUpperCase());
    pool.add('a', 'again');
    pool.remove('b');
    pool.remove('zzz');
    expect(pool.size).toBe(3);
    const random = createSeededRandom(3);
    const picked = new Set(Array.from({ length: 200 }, () => pool.pick(random)));
    expect(picked).toEqual(new Set(['A', 'C', 'D']));
    for (const id of ['a', 'c', 'd']) pool.remove(id);
    expect(() => pool.pick(random)).toThrow(/empty pool/);
  });
});
