import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

/**
 * The canonical form written the plain way, as an oracle: every member sorted by key (UTF-16 code
 * units, compared with `<`), joined with commas, at every depth.
 */
const oracle = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(oracle).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const members = Object.entries(value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${oracle(member)}`);
  return `{${members.join(',')}}`;
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('writes bigints as decimal strings and leaves out undefined members', () => {
    expect(canonicalJson({ n: 2n ** 64n, gone: undefined })).toBe('{"n":"18446744073709551616"}');
  });

  it('reads back as the value, with the members of every object in key order', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = canonicalJson(value);
        // Through JSON as the value itself goes: -0 reads back as 0.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text).toBe(oracle(value));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/canonical JSON/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});
