import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenJsonCopy, jsonCopy } from './jsonCopy.js';

const anyData = fc.anything({
  withBigInt: true,
  withDate: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withSparseArray: true,
  values: [fc.jsonValue(), fc.constant(undefined), fc.double(), fc.bigInt()],
});

const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' ||
  value === null ||
  (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('the in-memory engine’s defensive copy', () => {
  it('copies any object members, array items or values as a trip through JSON would (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), anyData), (value) => {
        expect(frozenJsonCopy(value)).toStrictEqual(jsonCopy(value));
      }),
    );
  });

  it('hands out a copy frozen all the way down, sharing nothing with the original (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const copy = frozenJsonCopy(value);
        expect(isDeepFrozen(copy)).toBe(true);
        if (Object.keys(value).length > 0) expect(copy).not.toBe(value);
      }),
    );
  });

  it('refuses a cycle as JSON does, and writes bigints as decimal strings', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = { back: cyclic };
    expect(() => frozenJsonCopy(cyclic)).toThrow(TypeError);
    expect(frozenJsonCopy({ amount: 9007199254740993n, gone: undefined })).toStrictEqual({
      amount: '9007199254740993',
    });
  });

  it('copies a value shared by two members twice, as JSON does, without calling it a cycle', () => {
    const shared = { x: 1 };
    expect(frozenJsonCopy({ a: shared, b: [shared, shared] })).toStrictEqual({
      a: { x: 1 },
      b: [{ x: 1 }, { x: 1 }],
    });
  });
});
